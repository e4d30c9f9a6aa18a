#!/usr/bin/env bash
# Runs qari's whole test suite on a fresh machine: installs the system packages the tests
# drive (tmux for real-terminal tests, GNU FriBidi as an independent oracle, the Unicode
# data files for the bidi conformance test, less for the scrolling comparison, the
# OpenSSH server and client for the test that reads over a real SSH link), then
# `cargo test`. Extra arguments go to cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v fribidi >/dev/null 2>&1 || missing+=(libfribidi-bin)
command -v less >/dev/null 2>&1 || missing+=(less)
[ -f /usr/share/unicode/BidiCharacterTest.txt ] || missing+=(unicode-data)
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

cargo test --locked "$@"
