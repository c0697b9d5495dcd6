"""The peewee models: one place that names every table and column.

The tables themselves are created by the numbered migrations in `db.migrations`; a test checks
that these models and the migrated schema agree column for column.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    CompositeKey,
    DatabaseProxy,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()

SERIES_KINDS = ("series", "miniseries")
CREDIT_ROLES = ("cast", "creator", "writer", "producer", "director")
COMPANY_ROLES = ("production", "platform", "network", "distributor")
VERDICTS = ("positive", "mixed", "negative")
AWARD_RESULTS = ("won", "nominated")
RELATION_KINDS = ("inspired_by", "same_creator", "compared_with", "real_case", "casting")
SOURCE_KINDS = ("article", "import", "user")
WATCH_STATUSES = ("plan", "watching", "watched", "dropped")
NOTE_TARGET_KINDS = ("series", "person", "character")


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Source(BaseModel):
    """Where facts came from: a seed article, an import file, the user."""

    id = AutoField()
    key = TextField(unique=True)
    title = TextField()
    kind = TextField(default="article")
    outlet = TextField(null=True)
    url = TextField(null=True)


class Series(BaseModel):
    id = AutoField()
    key = TextField(unique=True)
    title = TextField()
    sort_title = TextField()
    kind = TextField(default="series")
    first_aired = TextField(null=True)  # ISO date or its prefix ("2018", "2018-02")
    last_aired = TextField(null=True)
    # Years are kept as integers beside the dates so the list can sort and search:year can
    # compare without parsing text per row.
    year_start = IntegerField(null=True)
    year_end = IntegerField(null=True)
    seasons = IntegerField(null=True)
    episodes = IntegerField(null=True)
    status = TextField(null=True)
    country = TextField(null=True)
    language = TextField(null=True)
    network = TextField(null=True)
    setting = TextField(null=True)
    synopsis = TextField(null=True)
    based_on = TextField(null=True)
    # "Crime drama, Social thriller": the list shows and sorts genres for 100,000 rows, so the
    # write path keeps this label in step instead of every page joining series_genre.
    genres_label = TextField(default="")


class Person(BaseModel):
    id = AutoField()
    key = TextField(unique=True)
    name = TextField()
    sort_name = TextField()
    about = TextField(null=True)


class Character(BaseModel):
    """A role in one series; exists even when no actor is credited (the victim, for example)."""

    id = AutoField()
    series = ForeignKeyField(Series, backref="characters", on_delete="CASCADE")
    key = TextField()
    name = TextField()
    description = TextField(null=True)

    class Meta:
        indexes = ((("series", "key"), True),)


class Credit(BaseModel):
    id = AutoField()
    series = ForeignKeyField(Series, backref="credits", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="credits", on_delete="CASCADE")
    role = TextField()
    character = ForeignKeyField(Character, null=True, backref="credits", on_delete="SET NULL")
    billing = IntegerField(default=0)


class Genre(BaseModel):
    id = AutoField()
    name = TextField(unique=True)


class SeriesGenre(BaseModel):
    id = AutoField()
    series = ForeignKeyField(Series, backref="genre_links", on_delete="CASCADE")
    genre = ForeignKeyField(Genre, backref="series_links", on_delete="CASCADE")
    position = IntegerField(default=0)


class Company(BaseModel):
    id = AutoField()
    name = TextField(unique=True)


class SeriesCompany(BaseModel):
    id = AutoField()
    series = ForeignKeyField(Series, backref="company_links", on_delete="CASCADE")
    company = ForeignKeyField(Company, backref="series_links", on_delete="CASCADE")
    role = TextField()
    position = IntegerField(default=0)


class Review(BaseModel):
    id = AutoField()
    series = ForeignKeyField(Series, backref="reviews", on_delete="CASCADE")
    source = ForeignKeyField(Source, null=True, backref="reviews", on_delete="SET NULL")
    outlet = TextField(null=True)
    author = TextField(null=True)
    published = TextField(null=True)
    verdict = TextField()
    praised = TextField(null=True)
    criticised = TextField(null=True)
    summary = TextField(null=True)


class Award(BaseModel):
    id = AutoField()
    series = ForeignKeyField(Series, backref="awards", on_delete="CASCADE")
    person = ForeignKeyField(Person, null=True, backref="awards", on_delete="CASCADE")
    name = TextField()
    category = TextField(null=True)
    year = IntegerField(null=True)
    result = TextField()


class Relation(BaseModel):
    """Another title this series is tied to; `other_series` is set when it is in the library."""

    id = AutoField()
    series = ForeignKeyField(Series, backref="relations", on_delete="CASCADE")
    kind = TextField()
    title = TextField()
    year = IntegerField(null=True)
    detail = TextField(null=True)
    other_series = ForeignKeyField(Series, null=True, on_delete="SET NULL")


class Interview(BaseModel):
    """That someone spoke about the series, where, and about what (facts, not quotations)."""

    id = AutoField()
    series = ForeignKeyField(Series, backref="interviews", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="interviews", on_delete="CASCADE")
    outlet = TextField(null=True)
    topic = TextField()


class Citation(BaseModel):
    """One source supporting one record, or one value of one field (a claim).

    `subject` is the table name and `subject_id` its row; `field`/`value` are set for claims,
    so a disagreement is simply two citations of one field with different values.
    """

    id = AutoField()
    source = ForeignKeyField(Source, backref="citations", on_delete="CASCADE")
    subject = TextField()
    subject_id = IntegerField()
    field = TextField(null=True)
    value = TextField(null=True)


class Note(BaseModel):
    """The user's own words about a series, a person or a character: exactly one target."""

    id = AutoField()
    uid = TextField(unique=True)  # stable id for exports and round trips
    series = ForeignKeyField(Series, null=True, backref="notes", on_delete="CASCADE")
    person = ForeignKeyField(Person, null=True, backref="notes", on_delete="CASCADE")
    character = ForeignKeyField(Character, null=True, backref="notes", on_delete="CASCADE")
    body = TextField(default="")
    rating = IntegerField(null=True)  # 1–10: ten half-stars
    status = TextField(null=True)
    created = TextField()
    updated = TextField()


class Tag(BaseModel):
    id = AutoField()
    name = TextField(unique=True)


class NoteTag(BaseModel):
    note = ForeignKeyField(Note, backref="tag_links", on_delete="CASCADE")
    tag = ForeignKeyField(Tag, backref="note_links", on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("note", "tag")


class NoteRevision(BaseModel):
    """A saved state of a note; the newest revision equals the note itself."""

    id = AutoField()
    note = ForeignKeyField(Note, backref="revisions", on_delete="CASCADE")
    body = TextField()
    rating = IntegerField(null=True)
    status = TextField(null=True)
    tags = TextField(default="")  # tag names joined by ", " as they were at that save
    saved = TextField()


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Source,
    Series,
    Person,
    Character,
    Credit,
    Genre,
    SeriesGenre,
    Company,
    SeriesCompany,
    Review,
    Award,
    Relation,
    Interview,
    Citation,
    Note,
    Tag,
    NoteTag,
    NoteRevision,
)
