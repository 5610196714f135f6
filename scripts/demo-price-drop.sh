#!/usr/bin/env bash
# With ./run.sh running (same GAMESDROP_* ports), shows a wishlist price drop end to end: signs in as the first admin,
# puts a game Kinguin sells on the wishlist with a target just under its price, halves that price at the Kinguin
# simulator (which pushes product.update to the store, as Kinguin does), then waits for the price-drop mail in the local
# mail view and the alert in the Telegram simulator, and prints both.
#   scripts/demo-price-drop.sh [search words]     (default: the first game the search "a" finds that Kinguin sells)
set -euo pipefail
cd "$(dirname "$0")/.."

store="http://127.0.0.1:${GAMESDROP_PORT:-5080}"
sandbox="http://127.0.0.1:${GAMESDROP_SANDBOX_PORT:-5190}"
mail="http://127.0.0.1:${GAMESDROP_MAIL_PORT:-5025}"
admin_header="X-Sandbox-Admin-Token: ${GAMESDROP_SANDBOX_ADMIN_TOKEN:-dev-sandbox-admin-token}"
email="${GAMESDROP_ADMIN_EMAIL:-admin@gamesdrop.test}"
password=$(sed -n 's/^ADMIN_PASSWORD=//p' .data/secrets.env)
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
json() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }

csrf=$(curl -sf -c "$jar" -H 'Content-Type: application/json' \
  -d "$(EMAIL="$email" PASSWORD="$password" python3 -c 'import json, os; print(json.dumps({"email": os.environ["EMAIL"], "password": os.environ["PASSWORD"]}))')" \
  "$store/bff/api/auth/login" | json 'd["csrfToken"]')

# A game of the store that the Kinguin simulator lists: the cover's number is the simulator's game id.
query=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "${1:-a}")
read -r slug title price kinguin_id < <(curl -sf "$store/bff/api/catalog/search?q=$query" | json '"\n".join(
  " ".join([i["slug"], i["imageUrl"].split("/images/")[1].split(".")[0], str(i["price"])]) for i in d["items"] if i.get("price") and i.get("imageUrl"))' |
  while read -r s id p; do
    k=$(curl -sf -H "$admin_header" "$sandbox/_sandbox/catalog/$id" | json '(d.get("kinguin") or {}).get("kinguinId") or ""')
    t=$(curl -sf -H "$admin_header" "$sandbox/_sandbox/catalog/$id" | json 'd["title"].replace(" ", "_")')
    if [ -n "$k" ]; then echo "$s $t $p $k"; break; fi
  done)
[ -n "${slug:-}" ] || { echo "no game Kinguin sells matched the search" >&2; exit 1; }
target=$(python3 -c "print(f'{$price - 0.01:.2f}')")
new_price=$(python3 -c "print(f'{$price / 2:.2f}')")
echo "game: ${title//_/ } ($slug) at $price EUR; wishlist target $target EUR; Kinguin's cheapest offer goes to $new_price EUR"

mails_before=$(curl -sf "$mail/api/messages" | json 'd["rowCount"]')
alerts_before=$(curl -sf -H "$admin_header" "$sandbox/_sandbox/telegram/messages" | json 'len(d)')
curl -sf -b "$jar" -X PUT -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
  -d "{\"targetPrice\": $target}" "$store/bff/api/account/wishlist/$slug" >/dev/null
curl -sf -H "$admin_header" -H 'Content-Type: application/json' -d "{\"price\": $new_price}" \
  "$sandbox/_sandbox/kinguin/products/$kinguin_id/change" >/dev/null
started=$(date +%s)

for _ in $(seq 1 60); do
  mails=$(curl -sf "$mail/api/messages" | json 'd["rowCount"]')
  alerts=$(curl -sf -H "$admin_header" "$sandbox/_sandbox/telegram/messages" | json 'len(d)')
  if [ "$mails" -gt "$mails_before" ] && [ "$alerts" -gt "$alerts_before" ]; then
    echo "after $(( $(date +%s) - started )) s:"
    curl -sf "$mail/api/messages" | json '(lambda m: "  mail:     " + m["subject"] + " -> " + str(m["to"]))(max(d["results"], key=lambda m: m["receivedDate"]))'
    curl -sf -H "$admin_header" "$sandbox/_sandbox/telegram/messages" | json '"  telegram: " + d[-1]["text"].replace("\n", " | ")'
    echo "  mail view: $mail   Telegram simulator: $sandbox/_sandbox/telegram/messages"
    exit 0
  fi
  sleep 1
done
echo "no mail and alert within 60 s; see .data/logs/embedded.log" >&2
exit 1
