import policy from "./csp.json";

// The store's Content Security Policy. nginx sends csp.json as it is on responses that carry none of their own
// (Deployment.Tests checks the two agree); pages add this request's nonce to script-src, so Next.js's inline scripts run
// and nothing injected does. 'strict-dynamic' lets those scripts load the page's chunks. Styles keep 'unsafe-inline':
// React sets style attributes, which a nonce cannot cover. imageSources (CSP_IMAGE_SOURCES) are image origins allowed
// besides https: the sandbox's covers, plain http on loopback for run.sh and test.sh.
export function contentSecurityPolicy(nonce: string, development: boolean, imageSources: string[] = []): string {
  const directives: Record<string, string[]> = { ...policy };
  directives["img-src"] = [...policy["img-src"], ...imageSources];
  directives["script-src"] = [
    ...policy["script-src"],
    `'nonce-${nonce}'`,
    "'strict-dynamic'",
    // React's development build evaluates code to rebuild server error stacks; production never does.
    ...(development ? ["'unsafe-eval'"] : []),
  ];
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

// 128 random bits per response, base64: a page's nonce cannot be guessed from another's.
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
