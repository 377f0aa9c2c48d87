from planaudit.cli.app import main

main()
