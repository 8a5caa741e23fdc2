#!/usr/bin/env bash
# Installs Debian's numpy (python3-numpy) when no python3 on this machine has numpy: the
# benchmark suite times the game ABM against a numpy peer (bench/peers/game_abm.py).
# Prints the python3 that has numpy.
set -euo pipefail
for py in python3 /usr/bin/python3; do
  if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import numpy' >/dev/null 2>&1; then command -v "$py"; exit 0; fi
done
if [ "$(id -u)" != 0 ]; then echo "numpy missing and not root: run 'apt-get install python3-numpy' first" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq python3-numpy >/dev/null
/usr/bin/python3 -c 'import numpy' && echo /usr/bin/python3
