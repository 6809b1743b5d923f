from uvb4.cli import main

if __name__ == "__main__":
    main()
