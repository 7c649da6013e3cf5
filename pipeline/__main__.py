from zhfacts.cli import main

main()
