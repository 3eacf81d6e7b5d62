from ttdn.cli import main

raise SystemExit(main())
