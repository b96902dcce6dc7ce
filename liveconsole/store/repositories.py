"""Products, sessions and lineups kept in the database, as the core's frozen values."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from liveconsole.core.products import Category, InvalidProduct, Product
from liveconsole.core.session import Session
from liveconsole.store.database import Database
from liveconsole.store.models import LineupItemRow, ProductRow, SessionRow


class SessionExists(ValueError):
    """Another session already has this name."""

    def __init__(self, name: str) -> None:
        super().__init__(f"a session named {name!r} already exists")
        self.name = name


def _product(row: ProductRow) -> Product:
    return Product(
        id=row.id,
        link_no=row.link_no,
        sku=row.sku,
        title=row.title,
        list_price=row.list_price,
        live_price=row.live_price,
        stock=row.stock,
        category=Category(row.category),
        selling_points=tuple(row.selling_points),
        image_path=row.image_path,
        notes=tuple((key, value) for key, value in row.notes),
    )


def _fill_product(row: ProductRow, product: Product) -> None:
    row.link_no = product.link_no
    row.sku = product.sku
    row.title = product.title
    row.list_price = product.list_price
    row.live_price = product.live_price
    row.stock = product.stock
    row.category = product.category.value
    row.selling_points = list(product.selling_points)
    row.image_path = product.image_path
    row.notes = [[key, value] for key, value in product.notes]


def _session(row: SessionRow) -> Session:
    return Session(
        id=row.id,
        name=row.name,
        platform=row.platform,
        planned_start=row.planned_start,
        planned_minutes=row.planned_minutes,
        gmv_target=row.gmv_target,
    )


def _fill_session(row: SessionRow, session: Session) -> None:
    row.name = session.name
    row.platform = session.platform
    row.planned_start = session.planned_start
    row.planned_minutes = session.planned_minutes
    row.gmv_target = session.gmv_target


def _checked(product: Product) -> Product:
    errors = product.errors()
    if errors:
        raise InvalidProduct(errors)
    return product


def _write_lineup(orm: OrmSession, session_id: int, product_ids: Sequence[int]) -> None:
    if len(set(product_ids)) != len(product_ids):
        raise ValueError("a product appears at most once in a lineup")
    if orm.get(SessionRow, session_id) is None:
        raise KeyError(f"no session {session_id}")
    known = set(orm.scalars(select(ProductRow.id).where(ProductRow.id.in_(product_ids))))
    missing = [pid for pid in product_ids if pid not in known]
    if missing:
        raise KeyError(f"no products {missing}")
    # Rewriting the whole lineup sidesteps unique (session, position) clashes while slots move.
    orm.execute(delete(LineupItemRow).where(LineupItemRow.session_id == session_id))
    orm.add_all(
        LineupItemRow(session_id=session_id, position=position, product_id=product_id)
        for position, product_id in enumerate(product_ids)
    )


class ProductStore:
    """The product library in the database (core.ports.ProductRepository)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def all_products(self) -> list[Product]:
        with self._db.session(readonly=True) as orm:
            rows = orm.scalars(select(ProductRow).order_by(ProductRow.id))
            return [_product(row) for row in rows]

    def product(self, product_id: int) -> Product | None:
        with self._db.session(readonly=True) as orm:
            row = orm.get(ProductRow, product_id)
            return None if row is None else _product(row)

    def save_product(self, product: Product) -> Product:
        """Insert a product without an id, or overwrite the stored one; returns it with its id."""
        _checked(product)
        with self._db.session() as orm:
            if product.id is None:
                row = ProductRow()
                orm.add(row)
            else:
                row = orm.get(ProductRow, product.id)
                if row is None:
                    raise KeyError(f"no product {product.id}")
            _fill_product(row, product)
            orm.flush()
            return _product(row)

    def delete_product(self, product_id: int) -> None:
        """Remove a product, and with it its slot in every lineup."""
        with self._db.session() as orm:
            row = orm.get(ProductRow, product_id)
            if row is None:
                raise KeyError(f"no product {product_id}")
            orm.execute(delete(LineupItemRow).where(LineupItemRow.product_id == product_id))
            orm.delete(row)

    def import_products(
        self, products: Sequence[Product], lineup_session_id: int | None = None
    ) -> list[Product]:
        """Add or update products by key in one transaction; optionally make them a lineup.

        A product whose key is already stored keeps its id and takes the imported values.
        Either every row is saved or, on any error, nothing changes."""
        products = list(products)
        for product in products:
            _checked(product)
        _refuse_repeated_keys(products)
        with self._db.session() as orm:
            by_key: dict[str, ProductRow] = {}
            # Newest to oldest: where stored data holds a key twice, the oldest row wins.
            for row in orm.scalars(select(ProductRow).order_by(ProductRow.id.desc())):
                by_key[_product(row).key] = row
            rows: list[ProductRow] = []
            for product in products:
                row = by_key.get(product.key)
                if row is None:
                    row = ProductRow()
                    orm.add(row)
                _fill_product(row, product)
                rows.append(row)
            orm.flush()
            if lineup_session_id is not None:
                _write_lineup(orm, lineup_session_id, [row.id for row in rows])
            return [_product(row) for row in rows]


def _refuse_repeated_keys(products: Iterable[Product]) -> None:
    seen: set[str] = set()
    repeated: list[str] = []
    for product in products:
        if product.key in seen:
            repeated.append(product.key)
        seen.add(product.key)
    if repeated:
        raise ValueError(f"the same product appears more than once: {repeated}")


class SessionStore:
    """Sessions and their lineups in the database (core.ports.SessionRepository)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def create_session(self, session: Session) -> Session:
        """Store a new session; raises SessionExists when the name is taken."""
        try:
            with self._db.session() as orm:
                row = SessionRow()
                _fill_session(row, session)
                orm.add(row)
                orm.flush()
                return _session(row)
        except IntegrityError as exc:
            if self.session_by_name(session.name) is not None:
                raise SessionExists(session.name) from exc
            raise

    def update_session(self, session: Session) -> Session:
        if session.id is None:
            raise ValueError("only a stored session can be updated")
        try:
            with self._db.session() as orm:
                row = orm.get(SessionRow, session.id)
                if row is None:
                    raise KeyError(f"no session {session.id}")
                _fill_session(row, session)
                orm.flush()
                return _session(row)
        except IntegrityError as exc:
            other = self.session_by_name(session.name)
            if other is not None and other.id != session.id:
                raise SessionExists(session.name) from exc
            raise

    def session(self, session_id: int) -> Session | None:
        with self._db.session(readonly=True) as orm:
            row = orm.get(SessionRow, session_id)
            return None if row is None else _session(row)

    def session_by_name(self, name: str) -> Session | None:
        with self._db.session(readonly=True) as orm:
            row = orm.scalar(select(SessionRow).where(SessionRow.name == name))
            return None if row is None else _session(row)

    def sessions(self) -> list[Session]:
        """All sessions, oldest first."""
        with self._db.session(readonly=True) as orm:
            rows = orm.scalars(select(SessionRow).order_by(SessionRow.id))
            return [_session(row) for row in rows]

    def lineup(self, session_id: int) -> list[Product]:
        with self._db.session(readonly=True) as orm:
            rows = orm.scalars(
                select(ProductRow)
                .join(LineupItemRow, LineupItemRow.product_id == ProductRow.id)
                .where(LineupItemRow.session_id == session_id)
                .order_by(LineupItemRow.position)
            )
            return [_product(row) for row in rows]

    def save_lineup(self, session_id: int, product_ids: Sequence[int]) -> None:
        """Make the session's lineup exactly these products, in this order."""
        with self._db.session() as orm:
            _write_lineup(orm, session_id, list(product_ids))
