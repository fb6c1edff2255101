"""The data every example of the chapter loads: three authors with two books each."""

# --8<-- [start:library]
LIBRARY = {
    "Ursula": ["The Dispossessed", "The Lathe of Heaven"],
    "Stanisław": ["Solaris", "The Cyberiad"],
    "Octavia": ["Kindred", "Dawn"],
}


def library(author, book) -> list:
    """The authors of LIBRARY with their books, as objects of the mapped classes
    `author` and `book` (of the tables author and book), ready to be stored."""
    return [
        author(name=name, books=[book(title=title) for title in titles])
        for name, titles in LIBRARY.items()
    ]


# --8<-- [end:library]
