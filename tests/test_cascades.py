"""Every claim of docs/cascades.md, on every backend."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, ForeignKey, Table, create_engine, select
from sqlalchemy.exc import ArgumentError, InvalidRequestError, SAWarning
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
)

from snippets.cascades.playlist import playlist_model
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


def test_delete_orphan_on_many_to_many_needs_single_parent():
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
            secondary=pair, cascade="all, delete-orphan"
        )

    with pytest.raises(ArgumentError, match="many-to-many relationship Post.tags"):
        Base.registry.configure()


def test_deleting_a_many_to_many_parent_deletes_only_its_pair_rows(backend):
    assert printed("cascades.orphan_rules", backend)[-2] == "[(2, 1)] [Tag('python')]"
