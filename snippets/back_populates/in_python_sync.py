"""back_populates keeps both ends in step in Python, with no session and no SQL."""

from snippets.relationships.author_book import Author, Book

# --8<-- [start:in_python_sync]
ursula = Author(name="Ursula")
stanislaw = Author(name="Stanisław")
book = Book(title="Solaris")

ursula.books.append(book)  # (1)!
print(book.author)
#> Author('Ursula')

book.author = stanislaw  # (2)!
print(ursula.books, stanislaw.books)
#> [] [Book('Solaris')]
# --8<-- [end:in_python_sync]
