"""`python -m indicators ...`: the command line lives in indicators.cli.main."""

from indicators.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
