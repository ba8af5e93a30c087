#!/usr/bin/env bash
# Builds releases a user runs without the .NET SDK: the CLI as one self-contained file per platform,
# dist/<rid>/tarjama (tarjama.exe on Windows), and dist/tarjama-<rid>.tar.gz with the README and licences.
# Usage: packaging/publish.sh [RID...]   (default: linux-x64 linux-arm64 win-x64 osx-arm64)
set -euo pipefail
# The .NET SDK reports each command to Microsoft unless told not to; nothing of ours goes out.
export DOTNET_CLI_TELEMETRY_OPTOUT=1
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64 linux-arm64 win-x64 osx-arm64)
failed=()
for rid in "${rids[@]}"; do
  out="$root/dist/$rid"
  rm -rf "$out"
  echo "publish: $rid" >&2
  # Native libraries (ONNX Runtime) ride inside the file and are unpacked on first run, so the release is one file.
  if ! dotnet publish "$root/src/Tarjama.Cli/Tarjama.Cli.csproj" -c Release -r "$rid" --self-contained \
      -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none \
      -o "$out" --nologo -v quiet --tl:off; then
    failed+=("$rid")
    continue
  fi
  exe=tarjama
  [[ "$rid" == win-* ]] && exe=tarjama.exe
  mv "$out/Tarjama.Cli${exe#tarjama}" "$out/$exe"
  cp "$root/README.md" "$root/LICENSE" "$root/docs/models.md" "$out/"
  tar -czf "$root/dist/tarjama-$rid.tar.gz" -C "$out" .
  echo "publish: $rid -> dist/$rid/$exe ($(du -h "$out/$exe" | cut -f1)), dist/tarjama-$rid.tar.gz" >&2
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "publish: failed for ${failed[*]} (each needs its runtime packs from NuGet)" >&2
  exit 1
fi
