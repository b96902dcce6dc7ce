"""Preparing a session (直播前): edits to the product library and the lineup, kept in step and saved."""

from __future__ import annotations

from collections.abc import Sequence

from liveconsole.core.events import Signal
from liveconsole.core.lineup import Lineup
from liveconsole.core.ports import ProductRepository, SessionRepository
from liveconsole.core.products import InvalidProduct, Product, ProductLibrary
from liveconsole.core.session import Session


class PreparationEvents:
    def __init__(self) -> None:
        self.attached: Signal[bool] = Signal("attached")
        self.session_changed: Signal[Session | None] = Signal("session_changed")


class Preparation:
    """The library, the current session and its lineup; every change is saved as it is made."""

    def __init__(
        self, products: ProductRepository | None = None, sessions: SessionRepository | None = None
    ) -> None:
        # The repositories may arrive after the window is shown (the store opens off the UI thread).
        self._product_repo = products
        self._session_repo = sessions
        self.library = ProductLibrary()
        self.lineup = Lineup()
        self.session: Session | None = None
        self.events = PreparationEvents()

    def attach(self, products: ProductRepository, sessions: SessionRepository) -> None:
        self._product_repo, self._session_repo = products, sessions
        self.events.attached.emit(True)

    @property
    def attached(self) -> bool:
        return self._product_repo is not None and self._session_repo is not None

    @property
    def _products(self) -> ProductRepository:
        if self._product_repo is None:
            raise RuntimeError("the store is not open yet")
        return self._product_repo

    @property
    def _sessions(self) -> SessionRepository:
        if self._session_repo is None:
            raise RuntimeError("the store is not open yet")
        return self._session_repo

    # loading -----------------------------------------------------------------------------
    def load(self, library: Sequence[Product], session: Session | None, lineup: Sequence[Product]) -> None:
        """Show values read elsewhere (the store, off the UI thread)."""
        self.library.reset(library)
        self.session = session
        self.lineup.session_id = session.id if session else None
        self.lineup.reset(lineup)
        self.events.session_changed.emit(session)

    def reload(self) -> None:
        session = self._sessions.session_by_name(self.session.name) if self.session else None
        lineup = self._sessions.lineup(session.id) if session and session.id is not None else []
        self.load(self._products.all_products(), session, lineup)

    # the library ---------------------------------------------------------------------------
    def add_product(self, product: Product, index: int | None = None) -> Product:
        saved = self._products.save_product(product.with_changes(id=None))
        self.library.insert(len(self.library) if index is None else index, saved)
        return saved

    def edit_product(self, index: int, **changes: object) -> Product:
        """Change a product everywhere it shows; returns its previous value (for undo)."""
        current = self.library[index]
        candidate = current.with_changes(**changes)
        if candidate == current:
            return current
        errors = candidate.errors()
        if errors:
            raise InvalidProduct(errors)
        saved = self._products.save_product(candidate)
        old = self.library.replace_item(index, saved)
        self.lineup.refresh(saved)
        return old

    def remove_product(self, index: int) -> Product:
        product = self.library[index]
        if product.id is not None:
            self._products.delete_product(product.id)
        self.library.remove(index)
        for position, item in enumerate(self.lineup):
            if item.key == product.key:
                self.lineup.remove(position)
                break
        return product

    # the lineup ----------------------------------------------------------------------------
    def _save_lineup(self) -> None:
        if self.session is not None and self.session.id is not None:
            self._sessions.save_lineup(self.session.id, [p.id for p in self.lineup if p.id is not None])

    def add_to_lineup(self, product: Product, index: int | None = None) -> bool:
        """Append (or insert) a product; False when it is already in the lineup."""
        if self.session is None or product in self.lineup:
            return False
        self.lineup.insert(len(self.lineup) if index is None else index, product)
        self._save_lineup()
        return True

    def remove_from_lineup(self, index: int) -> Product:
        product = self.lineup.remove(index)
        self._save_lineup()
        return product

    def move_in_lineup(self, source: int, target: int) -> None:
        self.lineup.move(source, target)
        self._save_lineup()

    def lineup_index(self, product: Product) -> int | None:
        return next((i for i, p in enumerate(self.lineup) if p.key == product.key), None)
