#!/bin/sh
# Fail early, in words, when the interpreter cannot build our virtual environment.
py="${1:-python3}"
if ! command -v "$py" >/dev/null 2>&1; then
    echo "Showshelf needs Python 3.10 or newer: '$py' was not found." >&2
    echo "On Debian/Ubuntu: sudo apt install python3 python3-venv" >&2
    exit 1
fi
if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
    echo "Showshelf needs Python 3.10 or newer; '$py' is $("$py" -V 2>&1)." >&2
    echo "Run: make PYTHON=python3.11 (or any 3.10+ interpreter)" >&2
    exit 1
fi
if [ ! -x .venv/bin/python ] && ! "$py" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    ver=$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    echo "'$py' cannot create virtual environments (the venv module or ensurepip is missing)." >&2
    echo "On Debian/Ubuntu install it with: sudo apt install python${ver}-venv" >&2
    exit 1
fi
