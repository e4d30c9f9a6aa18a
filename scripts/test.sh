#!/usr/bin/env bash
# Runs qari's whole test suite on a fresh machine: installs the system packages the tests
# drive (tmux for real-terminal tests, GNU FriBidi as an independent oracle, the Unicode
# data files for the bidi conformance test, less for the scrolling comparison, the
# OpenSSH server and client for the test that reads over a real SSH link, and Xvfb,
# xterm, xdotool, ImageMagick and the DejaVu fonts for the test that compares the pixels
# xterm shows), then `cargo test`. Extra arguments go to cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v fribidi >/dev/null 2>&1 || missing+=(libfribidi-bin)
command -v less >/dev/null 2>&1 || missing+=(less)
[ -f /usr/share/unicode/BidiCharacterTest.txt ] || missing+=(unicode-data)
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v xterm >/dev/null 2>&1 || missing+=(xterm)
command -v xdotool >/dev/null 2>&1 || missing+=(xdotool)
command -v import >/dev/null 2>&1 && command -v compare >/dev/null 2>&1 || missing+=(imagemagick)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

cargo test --locked "$@"
