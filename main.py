"""Double-click or `python main.py`: the same as the `showshelf` command."""

from desktop_app.app import main

if __name__ == "__main__":
    raise SystemExit(main())
