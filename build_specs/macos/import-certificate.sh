#!/bin/sh
# CI only (macOS runner): put the Developer ID certificate and the notarization key where
# build.py looks for them. Does nothing, successfully, when the secrets are not set (forks,
# pull requests): build.py then says that signing and notarization were skipped.
#
# Environment (GitHub secrets):
#   MACOS_CERTIFICATE_P12       base64 of the "Developer ID Application" .p12
#   MACOS_CERTIFICATE_PASSWORD  its password
#   NOTARY_KEY_P8               base64 of an App Store Connect API key (.p8), optional
#   NOTARY_KEY_ID, NOTARY_ISSUER
# Writes WOLKVOX_MACOS_SIGN_IDENTITY and WOLKVOX_NOTARY_* to $GITHUB_ENV.
set -eu
if [ -z "${MACOS_CERTIFICATE_P12:-}" ]; then
  echo "No signing certificate in this run: the app will be built unsigned."
  exit 0
fi
dir=${RUNNER_TEMP:-/tmp}
keychain="$dir/wolkvox-signing.keychain-db"
kc_pass=$(uuidgen)
printf '%s' "$MACOS_CERTIFICATE_P12" | base64 --decode > "$dir/cert.p12"
security create-keychain -p "$kc_pass" "$keychain"
security set-keychain-settings -lut 21600 "$keychain"
security unlock-keychain -p "$kc_pass" "$keychain"
security import "$dir/cert.p12" -k "$keychain" -P "$MACOS_CERTIFICATE_PASSWORD" -T /usr/bin/codesign
security set-key-partition-list -S apple-tool:,apple: -s -k "$kc_pass" "$keychain" >/dev/null
security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
rm -f "$dir/cert.p12"
identity=$(security find-identity -v -p codesigning "$keychain" | sed -n 's/.*"\(Developer ID Application:.*\)"/\1/p' | head -n 1)
[ -n "$identity" ] || { echo "no 'Developer ID Application' identity in the certificate"; exit 1; }
echo "WOLKVOX_MACOS_SIGN_IDENTITY=$identity" >> "$GITHUB_ENV"
echo "Signing as: $identity"

if [ -n "${NOTARY_KEY_P8:-}" ]; then
  printf '%s' "$NOTARY_KEY_P8" | base64 --decode > "$dir/notary-key.p8"
  {
    echo "WOLKVOX_NOTARY_KEY=$dir/notary-key.p8"
    echo "WOLKVOX_NOTARY_KEY_ID=${NOTARY_KEY_ID:?NOTARY_KEY_ID is not set}"
    echo "WOLKVOX_NOTARY_ISSUER=${NOTARY_ISSUER:?NOTARY_ISSUER is not set}"
  } >> "$GITHUB_ENV"
  echo "Notarization key installed."
fi
