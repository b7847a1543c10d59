#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
# Installs the `chromium` package when it is missing and we are root; says what it does.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium no está instalado: instalando el paquete 'chromium' de Debian para las pruebas de navegador…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  command -v chromium >/dev/null && echo "Chromium instalado: $(chromium --version 2>/dev/null || true)"
  exit 0
fi
if [ "${CI:-}" = "true" ]; then
  echo "ERROR: falta Chromium y no se puede instalar (se necesita root y apt-get)." >&2
  exit 1
fi
echo "Aviso: falta Chromium; las pruebas de navegador se omitirán. Instálelo con: apt-get install chromium" >&2
