"""Every claim of docs/cascades.md, on every backend."""

from __future__ import annotations

import warnings

import pytest
from sqlalchemy import (
    Column,
    ForeignKey,
    String,
    Table,
    create_engine,
    event,
    inspect,
    select,
)
from sqlalchemy.exc import (
    ArgumentError,
    IntegrityError,
    InvalidRequestError,
    SAWarning,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
)

from snippets.cascades.playlist import playlist_model
from snippets.relationships.author_book import Author, Book
from tests.databases import backend_name
from tests.outputs import run_snippet


def printed(module: str, url: str | None = None) -> list[str]:
    return [text.rstrip("\n") for _, text in run_snippet(module, url).printed]


def tracks_left(engine, Track) -> list[tuple]:
    with Session(engine) as session:
        rows = session.execute(
            select(Track.title, Track.playlist_id).order_by(Track.id)
        )
        return [tuple(row) for row in rows]


def test_the_default_cascade_is_save_update_and_merge():
    ns = run_snippet("cascades.defaults").namespace
    assert set(ns["Playlist"].tracks.property.cascade) == {"save-update", "merge"}
    assert printed("cascades.defaults")[1] == str(
        ["delete", "expunge", "merge", "refresh-expire", "save-update"]
    )


def test_save_update_inserts_the_tracks(backend, sql_log):
    run_snippet("cascades.save_update", backend)
    inserts = [s for s in sql_log.statements if s.startswith("INSERT INTO track")]
    assert len(inserts) == 1  # the first example only


def test_without_save_update_the_tracks_are_left_out_with_a_warning(backend):
    ns = run_snippet("cascades.save_update", backend).namespace
    caught = [w for w in ns["caught"] if issubclass(w.category, SAWarning)]
    assert "add operation along 'Playlist.tracks' will not proceed" in str(
        caught[0].message
    )
    assert tracks_left(ns["engine"], ns["Track"]) == []


def test_deleting_the_parent_by_default_unlinks_the_children(backend, sql_log):
    lines = printed("cascades.delete", backend)
    assert any(s.startswith("UPDATE track SET playlist_id") for s in sql_log.statements)
    assert "[('Roadrunner', None), ('Holiday', None)]" in lines


def test_delete_cascade_deletes_the_children(backend):
    ns = run_snippet("cascades.delete", backend).namespace  # the last example: "all"
    assert tracks_left(ns["engine"], ns["Track"]) == []


def test_removing_a_child_with_delete_only_unlinks_it(backend):
    lines = printed("cascades.delete_orphan", backend)
    assert "[('Roadrunner', 1), ('Holiday', None)]" in lines


def test_delete_orphan_deletes_a_removed_child(backend):
    lines = printed("cascades.delete_orphan", backend)
    assert "[('Roadrunner', 1)]" in lines


def test_all_delete_orphan_deletes_the_children_with_the_parent(backend):
    ns = run_snippet("cascades.delete_orphan", backend).namespace
    assert tracks_left(ns["engine"], ns["Track"]) == []


def test_passive_deletes_leaves_the_children_to_the_database(backend, sql_log):
    ns = run_snippet("cascades.passive_deletes", backend).namespace
    delete = sql_log.statements.index(
        next(s for s in sql_log.statements if s.startswith("DELETE FROM playlist"))
    )
    assert not any(
        s.startswith("SELECT track") for s in sql_log.statements[delete - 3 : delete]
    )
    assert not any(s.startswith("DELETE FROM track") for s in sql_log.statements)
    assert tracks_left(ns["engine"], ns["Track"]) == []


def test_sqlite_without_the_pragma_leaves_the_children(tmp_path):
    Base, Playlist, Track = playlist_model(
        "all, delete-orphan", ondelete="CASCADE", passive_deletes=True
    )
    engine = create_engine(f"sqlite:///{tmp_path / 'guide.db'}")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Playlist(name="Road trip", tracks=[Track(title="Holiday")]))
        session.commit()
        session.delete(session.get(Playlist, 1))
        session.commit()
    assert tracks_left(engine, Track) == [("Holiday", 1)]


def test_merge_cascade_carries_changes_of_detached_children(backend):
    assert printed("cascades.merge", backend)[-1] == "Roadrunner"
    lines = printed("cascades.merge", backend)
    assert "Roadrunner (live)" in lines


def test_refresh_expire_cascade_expires_loaded_children(backend):
    ns = run_snippet("cascades.refresh_expire", backend).namespace
    expired = ns["expired_after_expiring_the_playlist"]
    assert expired("save-update, merge") == []
    assert expired("all") == ["id", "playlist_id", "title"]


def test_expunge_cascade_removes_loaded_children(backend):
    ns = run_snippet("cascades.expunge", backend).namespace
    stays = ns["track_stays_after_expunging_the_playlist"]
    assert stays("save-update, merge") is True
    assert stays("all") is False


def test_expunge_cascade_does_not_load_a_collection(backend):
    Base, Playlist, Track = playlist_model("all")
    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Playlist(name="Road trip", tracks=[Track(title="Holiday")]))
        session.commit()
        track = session.get(Track, 1)
        playlist = session.get(Playlist, 1)  # its tracks are not loaded
        session.expunge(playlist)
        assert track in session


def single_parent_model(single_parent: bool):
    class Base(DeclarativeBase):
        pass

    class Playlist(Base):
        __tablename__ = "playlist"
        id: Mapped[int] = mapped_column(primary_key=True)

    class Track(Base):
        __tablename__ = "track"
        id: Mapped[int] = mapped_column(primary_key=True)
        playlist_id: Mapped[int] = mapped_column(ForeignKey("playlist.id"))
        playlist: Mapped[Playlist] = relationship(
            cascade="all, delete-orphan", single_parent=single_parent
        )

    return Base, Playlist, Track


def test_delete_orphan_on_many_to_one_needs_single_parent():
    lines = printed("cascades.orphan_rules")
    assert lines[0].startswith("For many-to-one relationship Track.playlist")
    Base, Playlist, Track = single_parent_model(True)
    Base.registry.configure()
    shared = Playlist()
    Track(playlist=shared)
    with pytest.raises(InvalidRequestError, match="single parent"):
        Track(playlist=shared)


def many_to_many_orphans(single_parent: bool):
    """Post.tags over a pair table, with delete-orphan and `single_parent`."""

    class Base(DeclarativeBase):
        pass

    pair = Table(
        "pair",
        Base.metadata,
        Column("post_id", ForeignKey("post.id"), primary_key=True),
        Column("tag_id", ForeignKey("tag.id"), primary_key=True),
    )

    class Tag(Base):
        __tablename__ = "tag"
        id: Mapped[int] = mapped_column(primary_key=True)

    class Post(Base):
        __tablename__ = "post"
        id: Mapped[int] = mapped_column(primary_key=True)
        tags: Mapped[list[Tag]] = relationship(
            secondary=pair, cascade="all, delete-orphan", single_parent=single_parent
        )

    return Base, Post, Tag


def test_delete_orphan_on_many_to_many_needs_single_parent():
    Base, Post, Tag = many_to_many_orphans(single_parent=False)
    with pytest.raises(ArgumentError, match="many-to-many relationship Post.tags"):
        Base.registry.configure()
    Base, Post, Tag = many_to_many_orphans(single_parent=True)
    Base.registry.configure()  # legal now
    shared = Tag()
    Post(tags=[shared])
    with pytest.raises(InvalidRequestError, match="single parent"):
        Post(tags=[shared])


def test_deleting_a_many_to_many_parent_deletes_only_its_pair_rows(backend):
    assert printed("cascades.secondary_rows", backend)[-2] == "[(2, 1)] [Tag('python')]"
    # no cascade at all: the same (and "all" in the test of delete on a m2m)
    engine, Post, Tag, post_tag = two_posts_one_tag(backend, cascade="none")
    delete_one(engine, Post)
    assert pairs(engine, post_tag) == [(2, 1)]
    engine.dispose()


def stored_on(url: str, cascade: str = "save-update, merge", **options):
    """Like stored_playlist(), on `url` and without printing: an engine holding
    the playlist Road trip (id 1) with Roadrunner and Holiday (ids 1 and 2)."""
    Base, Playlist, Track = playlist_model(cascade, **options)
    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        tracks = [Track(title="Roadrunner"), Track(title="Holiday")]
        session.add(Playlist(name="Road trip", tracks=tracks))
        session.commit()
    return engine, Playlist, Track


def test_save_update_adds_tracks_appended_later(backend):
    engine, Playlist, Track = stored_on(backend, "save-update")
    with Session(engine) as session:
        playlist = session.get(Playlist, 1)
        track = Track(title="Kids")
        playlist.tracks.append(track)
        assert track in session  # at once, before any flush
        session.commit()
    assert tracks_left(engine, Track)[-1] == ("Kids", 1)


def test_a_new_object_linked_from_its_many_to_one_end_is_left_out(backend):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing else warns
        warnings.filterwarnings("always", "Object of type <Book> not in session")
        run = run_snippet("cascades.backref_cascade", backend)
    lines = [text.rstrip("\n") for _, text in run.printed]
    assert "False" in lines
    warned = [w for w in run.namespace["caught"] if w.category is SAWarning]
    assert [str(w.message) for w in warned] == [
        "Object of type <Book> not in session, add operation along "
        "'Author.books' will not proceed"
    ]
    assert [line for line in lines if line.isdigit()] == ["0", "1"]  # then stored
    with Session(run.namespace["engine"]) as session:
        assert session.scalars(select(Book.title)).all() == ["The Dispossessed"]
    assert Author.books.property.cascade.save_update  # the default cascade
    with Session(run.namespace["engine"]) as session:  # appended instead: added
        book, ursula = Book(title="The Lathe of Heaven"), session.get(Author, 1)
        ursula.books.append(book)
        assert book in session


def test_deleting_a_parent_fails_when_the_children_cannot_be_unlinked(backend):
    class Base(DeclarativeBase):
        pass

    class Playlist(Base):
        __tablename__ = "playlist"
        id: Mapped[int] = mapped_column(primary_key=True)
        tracks: Mapped[list[Track]] = relationship()

    class Track(Base):
        __tablename__ = "track"
        id: Mapped[int] = mapped_column(primary_key=True)
        playlist_id: Mapped[int] = mapped_column(ForeignKey("playlist.id"))  # NOT NULL

    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Playlist(tracks=[Track(), Track()]))
        session.commit()
        session.delete(session.get(Playlist, 1))
        with pytest.raises(IntegrityError):
            session.commit()
    engine.dispose()


@pytest.mark.parametrize("other_loaded", [True, False])
def test_delete_orphan_keeps_a_track_moved_before_the_flush(
    other_loaded, backend, sql_log
):
    engine, Playlist, Track = stored_on(backend, "all, delete-orphan")
    with Session(engine) as session:
        session.add(Playlist(name="Chill"))
        session.commit()
    with Session(engine) as session:
        road_trip, chill = session.get(Playlist, 1), session.get(Playlist, 2)
        holiday = road_trip.tracks[1]
        if other_loaded:
            assert chill.tracks == []
        road_trip.tracks.remove(holiday)
        if not other_loaded:  # loading chill's tracks flushes first: Holiday goes
            with pytest.raises(InvalidRequestError, match="has been deleted"):
                chill.tracks.append(holiday)
            assert any(s.startswith("DELETE FROM track") for s in sql_log.statements)
            return
        chill.tracks.append(holiday)
        session.commit()
    assert not any(s.startswith("DELETE FROM track") for s in sql_log.statements)
    assert tracks_left(engine, Track) == [("Roadrunner", 1), ("Holiday", 2)]


def test_the_page_moves_a_track_with_an_update(backend):
    lines = printed("cascades.orphan_move", backend)
    assert any(line.startswith("UPDATE track SET playlist_id") for line in lines)
    assert lines[-2] == "[('Roadrunner', 1), ('Holiday', 2)]"


def test_passive_deletes_still_deletes_the_children_already_loaded(backend, sql_log):
    engine, Playlist, Track = stored_on(
        backend, "all, delete-orphan", ondelete="CASCADE", passive_deletes=True
    )
    with Session(engine) as session:
        playlist = session.get(Playlist, 1)
        assert len(playlist.tracks) == 2  # loaded
        sql_log.clear()
        session.delete(playlist)
        session.commit()
    deletes = [s.split(" WHERE")[0] for s in sql_log.statements if "DELETE" in s]
    assert deletes == ["DELETE FROM track", "DELETE FROM playlist"]
    assert tracks_left(engine, Track) == []


def test_postgresql_and_mariadb_enforce_foreign_keys_without_a_setting(backend):
    engine, Playlist, Track = stored_on(backend)
    orphan = Track(title="Kids", playlist_id=42)  # there is no playlist 42
    with Session(engine) as session:
        session.add(orphan)
        if backend_name(backend) == "sqlite":
            session.commit()  # accepted: SQLite checks nothing by default
        else:
            with pytest.raises(IntegrityError):
                session.commit()


def expired_tracks_after(operation: str, cascade: str, url: str) -> list[str]:
    engine, Playlist, Track = stored_on(url, cascade)
    with Session(engine) as session:
        playlist = session.get(Playlist, 1)
        track = playlist.tracks[0]
        getattr(session, operation)(playlist)
        return sorted(inspect(track).expired_attributes)


def test_refresh_expire_cascade_reaches_loaded_children_on_refresh_too(backend):
    assert expired_tracks_after("refresh", "save-update, merge", backend) == []
    expired = expired_tracks_after("refresh", "all", backend)
    assert expired == ["id", "playlist_id", "title"]


@pytest.mark.parametrize("operation", ["expire", "refresh", "expunge"])
def test_no_cascade_loads_a_collection_to_follow_it(operation, backend, sql_log):
    engine, Playlist, Track = stored_on(backend, "all")
    with Session(engine) as session:
        track = session.get(Track, 1)
        playlist = session.get(Playlist, 1)  # its tracks are not loaded
        sql_log.clear()
        getattr(session, operation)(playlist)
        assert track in session
        assert inspect(track).expired_attributes == set()
    assert not any("FROM track" in s for s in sql_log.statements)


def post_tag_model(one_sided=False, ondelete=None, **options):
    """Post and Tag over post_tag; Post.tags gets `options`, Tag.posts exists
    unless `one_sided`, and the pair table's foreign keys get `ondelete`."""
    if not one_sided:
        options["back_populates"] = "posts"

    class Base(DeclarativeBase):
        pass

    post_tag = Table(
        "post_tag",
        Base.metadata,
        Column("post_id", ForeignKey("post.id", ondelete=ondelete), primary_key=True),
        Column("tag_id", ForeignKey("tag.id", ondelete=ondelete), primary_key=True),
    )

    class Post(Base):
        __tablename__ = "post"
        id: Mapped[int] = mapped_column(primary_key=True)
        tags: Mapped[list[Tag]] = relationship(secondary=post_tag, **options)

    class Tag(Base):
        __tablename__ = "tag"
        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(30))
        if not one_sided:
            posts: Mapped[list[Post]] = relationship(
                secondary=post_tag, back_populates="tags"
            )

    return Base, Post, Tag, post_tag


def two_posts_one_tag(url: str, **options):
    """Posts 1 and 2, both tagged python (tag 1), on `url`; foreign keys enforced
    on SQLite too."""
    Base, Post, Tag, post_tag = post_tag_model(**options)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def enforce_foreign_keys(dbapi_connection, connection_record):
            dbapi_connection.execute("PRAGMA foreign_keys = ON")

    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        python = Tag(name="python")  # added by hand: cascade="none" would not
        session.add_all([python, Post(tags=[python]), Post(tags=[python])])
        session.commit()
    return engine, Post, Tag, post_tag


def delete_one(engine, cls) -> None:
    with Session(engine) as session:
        session.delete(session.get(cls, 1))
        session.commit()


def pairs(engine, post_tag) -> list[tuple]:
    with engine.connect() as connection:
        return sorted(connection.execute(select(post_tag)))


@pytest.mark.parametrize(
    "options, deleted",
    [({"one_sided": True}, "Tag"), ({"passive_deletes": True}, "Post")],
    ids=["no_relationship_on_the_deleted_side", "passive_deletes"],
)
def test_pair_rows_are_left_to_the_database_without_a_writable_relationship(
    options, deleted, backend, sql_log
):
    engine, Post, Tag, post_tag = two_posts_one_tag(backend, **options)
    with pytest.raises(IntegrityError):  # the pairs still point at the row
        delete_one(engine, {"Tag": Tag, "Post": Post}[deleted])
    assert not any(s.startswith("DELETE FROM post_tag") for s in sql_log.statements)
    assert pairs(engine, post_tag) == [(1, 1), (2, 1)]
    if backend_name(backend) == "sqlite":  # as it comes, foreign keys off
        plain = create_engine(backend)
        delete_one(plain, {"Tag": Tag, "Post": Post}[deleted])
        assert pairs(plain, post_tag) == [(1, 1), (2, 1)]  # dangling
        plain.dispose()


def test_a_relationship_on_that_side_or_on_delete_cascade_removes_the_pairs(backend):
    engine, Post, Tag, post_tag = two_posts_one_tag(backend)  # both sides mapped
    delete_one(engine, Tag)
    assert pairs(engine, post_tag) == []
    engine, Post, Tag, post_tag = two_posts_one_tag(
        backend, one_sided=True, ondelete="CASCADE"
    )
    delete_one(engine, Tag)
    assert pairs(engine, post_tag) == []


def test_delete_on_a_many_to_many_deletes_a_tag_other_posts_still_carry(backend):
    engine, Post, Tag, post_tag = two_posts_one_tag(backend, cascade="all")
    with Session(engine) as session:
        session.delete(session.get(Post, 1))
        session.commit()
        assert session.scalars(select(Tag)).all() == []
        assert session.get(Post, 2).tags == []
    with engine.connect() as connection:
        assert connection.execute(select(post_tag)).all() == []


def one_to_many_variant(collection: str, ondelete: str | None = None):
    """Playlist and Track; Track.playlist always, and on Playlist: no collection
    (`none`), a viewonly one, one with back_populates, one made by a backref, or
    one with passive_deletes=True."""

    class Base(DeclarativeBase):
        pass

    class Playlist(Base):
        __tablename__ = "playlist"
        id: Mapped[int] = mapped_column(primary_key=True)
        if collection == "viewonly":
            tracks: Mapped[list[Track]] = relationship(viewonly=True)
        elif collection == "back_populates":
            tracks: Mapped[list[Track]] = relationship(back_populates="playlist")
        elif collection == "passive_deletes":
            tracks: Mapped[list[Track]] = relationship(
                back_populates="playlist", passive_deletes=True
            )

    class Track(Base):
        __tablename__ = "track"
        id: Mapped[int] = mapped_column(primary_key=True)
        title: Mapped[str] = mapped_column(String(50))
        playlist_id: Mapped[int | None] = mapped_column(
            ForeignKey("playlist.id", ondelete=ondelete)
        )
        if collection in ("back_populates", "passive_deletes"):
            playlist: Mapped[Playlist | None] = relationship(back_populates="tracks")
        elif collection == "backref":
            playlist: Mapped[Playlist | None] = relationship(backref="tracks")
        else:
            playlist: Mapped[Playlist | None] = relationship()

    return Base, Playlist, Track


def delete_the_playlist(url, collection, ondelete=None, foreign_keys=True):
    """Store a playlist with two tracks, delete the playlist with the default
    cascade, and return what became of the tracks (or the IntegrityError)."""
    Base, Playlist, Track = one_to_many_variant(collection, ondelete)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite" and foreign_keys:

        @event.listens_for(engine, "connect")
        def enforce_foreign_keys(dbapi_connection, connection_record):
            dbapi_connection.execute("PRAGMA foreign_keys = ON")

    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        playlist = Playlist()
        session.add_all([Track(title="Roadrunner", playlist=playlist)])
        session.add_all([Track(title="Holiday", playlist=playlist)])
        session.commit()
        session.delete(session.get(Playlist, 1))
        try:
            session.commit()
        except IntegrityError as error:
            return error
        finally:
            engine.dispose()
    return tracks_left(engine, Track)


def test_with_only_the_many_to_one_mapped_deleting_the_parent_sends_a_bare_delete(
    backend, sql_log
):
    lines = [
        line
        for line in printed("cascades.one_sided", backend)
        if line.startswith("[") or line == "IntegrityError"
    ]
    assert not any(s.startswith("UPDATE track") for s in sql_log.statements)
    assert any(s.startswith("DELETE FROM playlist") for s in sql_log.statements)
    if backend_name(backend) == "sqlite":  # foreign keys off: the tracks dangle
        assert lines == ["[]", "[('Roadrunner', 1), ('Holiday', 1)]"]
    else:  # the server refuses the DELETE: nothing changed
        assert lines == [
            "IntegrityError",
            "['Road trip']",
            "[('Roadrunner', 1), ('Holiday', 1)]",
        ]
    for collection in ("none", "viewonly"):  # a viewonly collection is the same
        refused = delete_the_playlist(backend, collection)  # SQLite: pragma on
        assert isinstance(refused, IntegrityError)
        if backend_name(backend) == "sqlite":
            kept = delete_the_playlist(backend, collection, foreign_keys=False)
            assert kept == [("Roadrunner", 1), ("Holiday", 1)]


def test_a_mapped_collection_or_an_on_delete_rule_takes_care_of_the_children(
    backend,
):
    unlinked = [("Roadrunner", None), ("Holiday", None)]
    assert delete_the_playlist(backend, "back_populates") == unlinked
    assert delete_the_playlist(backend, "backref") == unlinked
    assert delete_the_playlist(backend, "none", ondelete="SET NULL") == unlinked
    assert delete_the_playlist(backend, "none", ondelete="CASCADE") == []
    if backend_name(backend) == "sqlite":  # ON DELETE needs the pragma there
        ignored = delete_the_playlist(
            backend, "none", ondelete="CASCADE", foreign_keys=False
        )
        assert ignored == [("Roadrunner", 1), ("Holiday", 1)]


def test_passive_deletes_without_an_on_delete_rule_sends_a_bare_delete(
    backend, sql_log
):
    refused = delete_the_playlist(backend, "passive_deletes")  # SQLite: pragma on
    assert isinstance(refused, IntegrityError)
    sent = sql_log.statements
    delete = max(i for i, s in enumerate(sent) if s.startswith("DELETE FROM playlist"))
    get = max(i for i, s in enumerate(sent[:delete]) if s.startswith("SELECT playlist"))
    assert not any(s.startswith(("SELECT track", "UPDATE")) for s in sent[get:delete])
    if backend_name(backend) == "sqlite":
        kept = delete_the_playlist(backend, "passive_deletes", foreign_keys=False)
        assert kept == [("Roadrunner", 1), ("Holiday", 1)]
    # the same with the page's cascade, all, delete-orphan (SQLite: pragma off)
    engine, Playlist, Track = stored_on(
        backend, "all, delete-orphan", passive_deletes=True
    )
    with Session(engine) as session:
        session.delete(session.get(Playlist, 1))
        if backend_name(backend) == "sqlite":
            session.commit()
            assert tracks_left(engine, Track) == [("Roadrunner", 1), ("Holiday", 1)]
        else:
            with pytest.raises(IntegrityError):
                session.commit()
    engine.dispose()


def test_passive_deletes_still_deletes_the_pairs_of_a_loaded_collection(
    backend, sql_log
):
    engine, Post, Tag, post_tag = two_posts_one_tag(backend, passive_deletes=True)
    with Session(engine) as session:
        post = session.get(Post, 1)
        assert len(post.tags) == 1  # loaded
        session.delete(post)
        session.commit()
    assert any(s.startswith("DELETE FROM post_tag") for s in sql_log.statements)
    assert pairs(engine, post_tag) == [(2, 1)]
