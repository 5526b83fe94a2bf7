from peelparse.cli import main

main()
