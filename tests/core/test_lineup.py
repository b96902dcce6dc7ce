import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from liveconsole.core.lineup import Lineup
from liveconsole.core.products import Category, Product

CATALOGUE = [Product(f"商品{i}", sku=f"SKU{i}", category=list(Category)[i % 5]) for i in range(12)]


def test_a_product_appears_in_a_lineup_once():
    lineup = Lineup(1, CATALOGUE[:2])
    with pytest.raises(ValueError):
        lineup.append(CATALOGUE[0])
    assert len(lineup) == 2


def test_move_puts_the_item_at_the_target_index_and_says_so():
    lineup = Lineup(1, CATALOGUE[:4])
    moves = []
    lineup.events.moved.connect(moves.append)
    lineup.move(0, 2)
    assert [p.sku for p in lineup] == ["SKU1", "SKU2", "SKU0", "SKU3"]
    assert (moves[0].source, moves[0].target) == (0, 2)


def test_category_filter_keeps_lineup_positions():
    lineup = Lineup(1, CATALOGUE[:6])
    assert [i for i, _ in lineup.by_category(Category.TRAFFIC)] == [0, 5]


class LineupMachine(RuleBasedStateMachine):
    """Any sequence of edits keeps the lineup a duplicate-free list that its events describe exactly."""

    def __init__(self) -> None:
        super().__init__()
        self.lineup = Lineup(1)
        self.mirror: list[Product] = []  # rebuilt only from events, as a view would
        events = self.lineup.events
        events.inserted.connect(lambda e: self.mirror.insert(e.index, e.item))
        events.removed.connect(lambda e: self.mirror.pop(e.index))
        events.moved.connect(lambda e: self.mirror.insert(e.target, self.mirror.pop(e.source)))
        events.reset.connect(lambda e: self.mirror.__init__(e.items))

    @rule(product=st.sampled_from(CATALOGUE), index=st.integers(-2, 14))
    def insert(self, product, index):
        if product in self.lineup:
            with pytest.raises(ValueError):
                self.lineup.insert(index, product)
        else:
            self.lineup.insert(index, product)

    @precondition(lambda self: len(self.lineup) > 0)
    @rule(data=st.data())
    def remove(self, data):
        self.lineup.remove(data.draw(st.integers(0, len(self.lineup) - 1)))

    @precondition(lambda self: len(self.lineup) > 0)
    @rule(data=st.data())
    def move(self, data):
        n = len(self.lineup)
        before = sorted(p.key for p in self.lineup)
        self.lineup.move(data.draw(st.integers(0, n - 1)), data.draw(st.integers(0, n - 1)))
        assert sorted(p.key for p in self.lineup) == before

    @rule(products=st.lists(st.sampled_from(CATALOGUE), unique_by=lambda p: p.key, max_size=6))
    def reset(self, products):
        self.lineup.reset(products)

    @invariant()
    def no_duplicates(self):
        keys = [p.key for p in self.lineup]
        assert len(keys) == len(set(keys))

    @invariant()
    def events_describe_the_lineup(self):
        assert self.mirror == list(self.lineup)


TestLineupMachine = LineupMachine.TestCase
