#!/usr/bin/env bash
# Compiles EntenteGraphviz (its C shim and every Swift call into Graphviz) against the public headers
# of another Graphviz release, so that a signature that drifted between the Graphviz tested here
# (Debian 12's 2.43) and a current one is caught here rather than by a user (issue "A library an
# expert would adopt": only Graphviz's public API, checked against a current release).
#
#   bash Tests/graphviz-headers.sh GRAPHVIZ_SOURCE [REVISION]
#
# GRAPHVIZ_SOURCE is a Graphviz source tree, or a git repository of one (then REVISION, default
# HEAD, is read from it: a bare clone is enough). Only headers are used: the ones `make install`
# puts in include/graphviz (cgraph, cdt, gvc, common, pathplan). A pkg-config file naming them is put
# first on PKG_CONFIG_PATH, and the package is built (compiled, not linked) in a scratch folder of
# its own. Exits 1 if it does not compile. Not part of `make test`: it needs the Graphviz source,
# which CI does not fetch. Last run: Graphviz 12.1.2 (2024-10-13), compiled with no error or warning.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source="${1:?usage: graphviz-headers.sh GRAPHVIZ_SOURCE [REVISION]}"
revision="${2:-HEAD}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
headers="lib/cgraph/cgraph.h lib/cdt/cdt.h lib/gvc/gvc.h lib/gvc/gvcext.h lib/gvc/gvcjob.h lib/gvc/gvcommon.h
         lib/gvc/gvplugin.h lib/gvc/gvplugin_device.h lib/gvc/gvplugin_layout.h lib/gvc/gvplugin_loadimage.h
         lib/gvc/gvplugin_render.h lib/gvc/gvplugin_textlayout.h lib/common/arith.h lib/common/color.h
         lib/common/geom.h lib/common/textspan.h lib/common/types.h lib/common/usershape.h
         lib/pathplan/pathgeom.h lib/pathplan/pathplan.h"
mkdir -p "$work/include" "$work/pkgconfig"
for header in $headers; do
    if [ -f "$source/$header" ]; then
        cp "$source/$header" "$work/include/"
    else
        git -C "$source" show "$revision:$header" > "$work/include/$(basename "$header")"
    fi
done
version="$( (cat "$source/VERSION" 2>/dev/null || git -C "$source" describe --tags "$revision" 2>/dev/null || echo unknown) | head -1)"
echo "Graphviz headers: $version"
cat > "$work/pkgconfig/libgvc.pc" <<PC
Name: libgvc
Description: Graphviz's headers from $source ($version), for compiling only
Version: $version
Cflags: -I$work/include
Libs: -lgvc -lcgraph -lcdt
PC
cd "$root"
PKG_CONFIG_PATH="$work/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" \
    swift build --target EntenteGraphviz --scratch-path "$work/build" 2>&1 | tee "$work/log" | grep -E "error:|warning:" || true
if ! grep -q "Build of target: 'EntenteGraphviz' complete" "$work/log"; then
    echo "EntenteGraphviz does not compile against Graphviz $version" >&2
    exit 1
fi
# The headers used must be the ones given, not the installed ones.
grep -q -- "-I$work/include" "$work/build/debug.yaml" || { echo "the given headers were not used" >&2; exit 1; }
echo "EntenteGraphviz compiles against Graphviz $version"
