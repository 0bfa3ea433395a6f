#!/usr/bin/env bash
# Installs everything promptreel needs on a fresh Debian/Ubuntu machine, then the npm packages.
#   system: chromium (renders frames), ffmpeg (audio analysis), festival + HTS voice (offline
#   English voice), espeak-ng (other languages), sox, Noto fonts (non-Latin scripts, emoji)
# Skips apt when everything is present or when apt is not available (e.g. macOS: use brew).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium ffmpeg festival festvox-us-slt-hts espeak-ng libespeak-ng1 sox fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji fontconfig python3)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi

if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "promptreel: please install: ${missing[*]}" >&2
  else
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "promptreel: installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

echo "promptreel: installing npm packages (npm ci)"
npm ci --no-audit --no-fund
