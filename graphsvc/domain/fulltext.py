"""The words of a free-text search that both engines treat alike.

FalkorDB (RediSearch) and Neo4j (Lucene) index German text with different analyzers: Neo4j's
drops German stop words and folds ä/ae, ö/oe, ü/ue and ß/ss into one spelling; FalkorDB's
drops English stop words and keeps spellings apart. Leaving stop words out of the query and
asking FalkorDB for both spellings makes the two answer the same for what people type.
"""

from __future__ import annotations

# The German stop words Lucene's German analyzer (Neo4j's `german`) leaves out of its index,
# and RediSearch's default English ones (FalkorDB's). A stop word in a query would match
# nothing on the engine that dropped it, and all words of a query must match.
GERMAN_STOP_WORDS = frozenset(
    """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
    anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den
    des dem die das daß du er ihn ihm ihr ihre ihrem ihren ihrer ihres euer eure eurem euren
    eurer eures derselbe derselben denselben desselben demselben dieselbe dieselben dasselbe
    dazu dein deine deinem deinen deiner deines denn derer dessen dich dir dies diese diesem
    diesen dieser dieses doch dort durch ein eine einem einen einer eines einig einige
    einigem einigen einiger einiges einmal es etwas euch für gegen gewesen hab habe haben hat
    hatte hatten hier hin hinter ich mich mir im in indem ins ist jede jedem jeden jeder
    jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner keines
    können könnte machen man manche manchem manchen mancher manches mein meine meinem meinen
    meiner meines mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine
    seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen solcher
    solches soll sollte sondern sonst über um und uns unse unsem unsen unser unses unter viel
    vom von vor während war waren warst was weg weil weiter welche welchem welchen welcher
    welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte würde würden zu
    zum zur zwar zwischen
    """.split()
)
ENGLISH_STOP_WORDS = frozenset(
    """
    a is the an and are as at be but by for if in into it no not of on or such that their
    then there these they this to was will with
    """.split()
)
STOP_WORDS = GERMAN_STOP_WORDS | ENGLISH_STOP_WORDS

_FOLDED = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}


def searchable(words: list[str]) -> list[str]:
    """The lower-case words without stop words (in either spelling: fuer is für), in order."""
    return [w for w in words if w not in STOP_WORDS and other_spelling(w) not in STOP_WORDS]


def other_spelling(word: str) -> str | None:
    """The word in the other German spelling (Büro → buero, Buero → büro), if it has one."""
    if any(c in word for c in _FOLDED):
        for umlaut, digraph in _FOLDED.items():
            word = word.replace(umlaut, digraph)
        return word
    other = word
    for umlaut, digraph in _FOLDED.items():
        other = other.replace(digraph, umlaut)
    return other if other != word else None
