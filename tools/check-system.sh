#!/usr/bin/env bash
# What `make setup` needs from the system, checked before anything is installed: each missing
# piece is named with the Debian package that brings it, instead of a failure further on.
#   required to run: Python's venv, Pango (WeasyPrint draws the PDFs with it)
#   required by `make test` (a warning here): PostgreSQL's server binaries, Chromium
set -uo pipefail
PYTHON="${PYTHON:-python3}"
missing=()
warnings=()

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  missing+=("Python 3.11 o posterior (paquete python3)")
elif ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  missing+=("Python 3.11 o posterior: $PYTHON es $("$PYTHON" -V 2>&1)")
elif ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  missing+=("el módulo venv de Python (paquete python3-venv)")
fi

library_present() {
  ldconfig -p 2>/dev/null | grep -q "$1" && return 0
  compgen -G "/usr/lib/*/$1*" >/dev/null || compgen -G "/usr/lib/$1*" >/dev/null
}
library_present "libpango-1.0.so" || missing+=("Pango, con el que WeasyPrint dibuja los PDF (paquete libpango-1.0-0)")
library_present "libpangoft2-1.0.so" || missing+=("PangoFT2 (paquete libpangoft2-1.0-0)")

if ! command -v initdb >/dev/null 2>&1 && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  warnings+=("los binarios del servidor PostgreSQL, que usa \`make test\` (paquete postgresql)")
fi
if ! command -v chromium >/dev/null 2>&1; then
  warnings+=("Chromium, para las pruebas de navegador (paquete chromium; \`make test\` lo instala si es root)")
fi

for item in "${warnings[@]}"; do
  echo "Aviso: falta $item." >&2
done
if [ "${#missing[@]}" -gt 0 ]; then
  for item in "${missing[@]}"; do
    echo "ERROR: falta $item." >&2
  done
  echo "Instale lo que falta con apt-get install <paquete> y vuelva a ejecutar el comando." >&2
  exit 1
fi
