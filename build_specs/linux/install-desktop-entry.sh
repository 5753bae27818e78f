#!/bin/sh
# Add Wolkvox Desktop to this user's application menu (no root needed), pointing at this
# folder. Run it again after moving the folder. `--remove` takes the menu entry away.
#
#   ./install-desktop-entry.sh            add or update the menu entry
#   ./install-desktop-entry.sh --remove   remove it (the folder itself is yours to delete)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$data/applications/wolkvox-desktop.desktop"
icon="$data/icons/hicolor/256x256/apps/wolkvox-desktop.png"

if [ "${1:-}" = "--remove" ]; then
  rm -f "$entry" "$icon"
  echo "Removed the menu entry. Your settings and history stay in ~/.local/share/wolkvox-desktop;"
  echo "the token stays in your keyring until you remove it in the app's Settings."
else
  mkdir -p "$(dirname "$entry")" "$(dirname "$icon")"
  cp "$here/wolkvox-desktop.png" "$icon"
  # Quote the path for the Exec key (spaces allowed).
  sed "s|^Exec=.*|Exec=\"$here/wolkvox-desktop\"|" "$here/wolkvox-desktop.desktop" > "$entry"
  chmod 644 "$entry"
  echo "Added Wolkvox Desktop to your applications menu ($entry)."
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
