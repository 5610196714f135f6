#!/usr/bin/env bash
# Creates the certificates Dapr Sentry needs for mTLS in the Swarm stack, in DIR:
#   dapr-ca.crt     root CA, public: the trust anchors given to daprd, placement and scheduler
#   dapr-ca.key     root key: keep it offline, it only signs the next issuer
#   dapr-issuer.crt / dapr-issuer.key   the intermediate Sentry signs workload certificates with
# ECDSA P-256 with the trust domain as SAN, as Dapr's own recipe (operations/security/mtls).
# Usage: deploy/scripts/make-dapr-certs.sh DIR [TRUST_DOMAIN] [DAYS]
set -euo pipefail
dir=${1:?usage: $0 DIR [TRUST_DOMAIN] [DAYS]}
domain=${2:-cluster.local}
days=${3:-365}

mkdir -p "$dir"
cd "$dir"
umask 077

# $1: extra basicConstraints, so the issuer cannot sign further CAs.
extensions() {
  cat <<CONF
[req]
distinguished_name = dn
prompt = no
[dn]
O = dapr.io/sentry
CN = $domain
[v3]
basicConstraints = critical, CA:true$1
keyUsage = critical, digitalSignature, cRLSign, keyCertSign
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:$domain
CONF
}

if [ ! -f dapr-ca.key ]; then
  openssl ecparam -genkey -name prime256v1 -noout -out dapr-ca.key
  openssl req -x509 -new -key dapr-ca.key -sha256 -days "$days" \
    -config <(extensions "") -extensions v3 -out dapr-ca.crt
fi
# A rerun with the root in place only renews the issuer: sidecars keep trusting the same anchors.
openssl ecparam -genkey -name prime256v1 -noout -out dapr-issuer.key
openssl req -new -key dapr-issuer.key -sha256 -config <(extensions ", pathlen:0") -out dapr-issuer.csr
openssl x509 -req -in dapr-issuer.csr -CA dapr-ca.crt -CAkey dapr-ca.key -CAcreateserial -days "$days" -sha256 \
  -extfile <(extensions ", pathlen:0") -extensions v3 -out dapr-issuer.crt
rm -f dapr-issuer.csr dapr-ca.srl
openssl verify -CAfile dapr-ca.crt dapr-issuer.crt
