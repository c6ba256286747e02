#!/usr/bin/env bash
# Builds Entente (the libraries, then the CLI package in CLI/) against the lowest version of every
# dependency that Package.swift and CLI/Package.swift allow, to prove that their `from:` minimums are true (issue "A library an expert would adopt", bug 7).
#
#   bash Tests/minimum-versions.sh
#
# Copies the repository to a temporary directory, turns each `from: "X"` into `exact: "X"`, resolves
# (network needed: not part of `make test`) and builds every target and the tests. Exits 1 if any
# step fails, naming it. With MIRRORS=DIR, each dependency github.com/OWNER/NAME is cloned from the
# git repository DIR/OWNER+NAME/repo instead (a clone that has every tag: SwiftPM's cache may hold
# only the newest).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git -C "$root" ls-files -z | (cd "$root" && xargs -0 cp --parents -t "$work")
sed -i -E 's/from: "([0-9.]+)"/exact: "\1"/' "$work/Package.swift" "$work/CLI/Package.swift"
grep -hE 'exact: "' "$work/Package.swift" "$work/CLI/Package.swift"
urls="$(grep -hoE 'https://github.com/[^"]+' "$work/Package.swift" "$work/CLI/Package.swift") https://github.com/swiftlang/swift-docc-symbolkit"
if [ -n "${MIRRORS:-}" ]; then
    mkdir -p "$work/.mirrors"
    for url in $urls; do
        name="${url#https://github.com/}"
        # SwiftPM names a package by its URL's last component: link the clone under the package's name.
        ln -s "$MIRRORS/${name/\//+}/repo" "$work/.mirrors/${name#*/}.git"
    done
fi
# Each package resolves its own graph (the CLI's includes the libraries' dependencies).
for package in "$work" "$work/CLI"; do
    cd "$package"
    if [ -n "${MIRRORS:-}" ]; then
        for url in $urls; do
            name="${url#https://github.com/}"
            swift package config set-mirror --original "$url" --mirror "file://$work/.mirrors/${name#*/}.git"
        done
    fi
    swift package resolve
    python3 - <<'PY'
import json
for pin in json.load(open("Package.resolved"))["pins"]:
    print(f"resolved {pin['identity']} {pin['state'].get('version')}")
PY
    swift build --build-tests 2>&1 | grep -E "error:|warning:|Compiling|Build complete" | grep -v "^.*Compiling" || true
    swift build --build-tests > /dev/null
    echo "minimum versions: $(basename "$package") build complete"
done
