export function Badges({ platform, region, edition }: { platform: string; region: string; edition?: string }) {
  return (
    <ul className="badges" aria-label="Platform and region">
      <li className="badge badge-platform">{platform}</li>
      <li className="badge badge-region">{region}</li>
      {edition && <li className="badge">{edition}</li>}
    </ul>
  );
}
