"""The quotes stage: quote-mark pairing (no model), then parsed wire-copy sentences.

Actor mentions are built by hand so that these tests do not depend on the actors stage.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from eventwire import quotes
from eventwire.records import ActorMention, Analysis, Span

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "mee-iraq-russia-2015.txt"

# -- quote marks, on text alone -----------------------------------------------------------


def _pairs(text: str) -> list[str]:
    return [text[s.start:s.end] for s in quotes._segments(text)]


@pytest.mark.parametrize("text, expected", [
    ('"We will win," he said.', ["We will win"]),
    ("“We will win,” he said.", ["We will win"]),
    ('"A," he said, "and B."', ["A", "and B."]),
    ('He said: "We will win."', ["We will win."]),
    ("«Nous gagnerons», a-t-il dit.", ["Nous gagnerons"]),
    ("‘We will win,’ he said.", ["We will win"]),
    ("The officers' cars were 'hit hard' by the strikes.", ["hit hard"]),
    ("MEE's reporters saw the officers' cars.", []),
    ('"They said \'leave now\' and we left," she said.', ["They said 'leave now' and we left"]),
    # an unclosed quote runs into the next paragraph that opens with a mark
    ('"First part.\n\n"Second part," he said.', ['First part.\n\n"Second part']),
    ('"First part.\n\n"Second part.\n\n"Third," he said.', ['First part.\n\n"Second part.\n\n"Third']),
    # ... and stops at the end of its paragraph when the next one does not open with a mark
    ('"No closing mark here\n\nThe army said so.', ["No closing mark here"]),
    ("", []),
    ('"', []),
    ('""', []),
])
def test_segments(text, expected):
    assert _pairs(text) == expected


def test_rules_load_and_extend(tmp_path):
    rules = quotes.load_rules()
    assert "ccomp" in rules.verbs["say"] and "of" in rules.verbs["accuse"]
    assert "official" in rules.anonymous_nouns and "according" in {a[0] for a in rules.attribution}
    extra = tmp_path / "more.toml"
    extra.write_text('anonymous_nouns = ["bystander"]\n\n[verbs]\nmutter = ["ccomp", "quote"]\n')
    more = quotes.load_rules([extra])
    assert "mutter" in more.verbs and "say" in more.verbs
    assert "bystander" in more.anonymous_nouns and "official" in more.anonymous_nouns


# -- parsed sentences ---------------------------------------------------------------------


def _mentions(text: str, actors) -> tuple[ActorMention, ...]:
    out = []
    for surface, actor_id, name, kind, *rest in actors:
        at = text.find(surface)
        while at >= 0:
            out.append(ActorMention(Span.of(text, at, at + len(surface)), actor_id, name, None, None, kind,
                                    bool(rest and rest[0])))
            at = text.find(surface, at + 1)
    return tuple(sorted(out, key=lambda a: a.span.start))


def _run(nlp, text, actors=(), publisher=None, article_id="t1"):
    doc = nlp(text)
    analysis = Analysis(article_id, text, (), None, publisher, _mentions(text, actors))
    found = quotes.find_quotes(doc, analysis)
    for q in found:  # the invariants every stage keeps
        assert text[q.content.start:q.content.end] == q.content.text
        assert text[q.cue.start:q.cue.end] == q.cue.text
        if q.speaker.span is not None:
            assert text[q.speaker.span.start:q.speaker.span.end] == q.speaker.span.text
    assert [q.content.start for q in found] == sorted(q.content.start for q in found)
    return found


def _one(found, content):
    hits = [q for q in found if content.casefold() in q.content.text.casefold()]
    assert hits, f"no quote with {content!r} in {[q.content.text for q in found]}"
    return hits[0]


def _check(q, want):
    sp = q.speaker
    for key, value in want.items():
        if key == "kind":
            assert q.kind == value, (q.kind, q.content.text)
        elif key == "exact":
            assert q.content.text == value
        elif key == "cue":
            assert q.cue.text == value
        elif key == "via":
            assert q.via == value
        elif key == "name":
            assert sp.name == value, sp
        elif key == "actor":
            assert sp.actor_id == value, sp
        elif key == "anonymous":
            assert sp.anonymous is value, sp
        elif key == "description":
            assert value.casefold() in (sp.description or "").casefold(), sp
        elif key == "span":
            assert sp.span is not None and sp.span.text == value, sp
        elif key == "no_speaker_in_content":
            assert sp.span is None or not (q.content.start <= sp.span.start < q.content.end)
        else:  # pragma: no cover
            raise KeyError(key)


ABADI = ("Haider al-Abadi", "Q1", "Haider al-Abadi", "person")
LAVROV = ("Sergei Lavrov", "Q2", "Sergei Lavrov", "person")
KERRY = ("John Kerry", "Q3", "John Kerry", "person")
REUTERS = ("Reuters", "M1", "Reuters", "media")
BBC = ("the BBC", "M2", "BBC", "media")
UN = ("the United Nations", "I1", "United Nations", "igo")

CASES = [
    # direct: cue after, before, inverted, curly, single marks
    ('"We will not allow the city to fall," Prime Minister Haider al-Abadi said on Tuesday.', [ABADI],
     "allow the city", dict(kind="direct", exact="We will not allow the city to fall", cue="said",
                            name="Haider al-Abadi", actor="Q1", anonymous=False)),
    ("“We will not allow the city to fall,” Prime Minister Haider al-Abadi said.", [ABADI],
     "allow the city", dict(kind="direct", name="Haider al-Abadi")),
    ('Defence Minister Ahmed Ali said: "The operation will begin within days."',
     [("Ahmed Ali", "Q4", "Ahmed Ali", "person")],
     "operation will begin", dict(kind="direct", cue="said", name="Ahmed Ali")),
    ('"The talks have failed," said Foreign Minister Sergei Lavrov.', [LAVROV],
     "talks have failed", dict(kind="direct", name="Sergei Lavrov")),
    ('"Why should we trust them?" asked one protester.', [],
     "trust them", dict(kind="direct", cue="asked", anonymous=True, description="one protester")),
    ("'We will fight to the end,' the rebel commander told the BBC.", [BBC],
     "fight to the end", dict(kind="direct", via="BBC", anonymous=True, description="rebel commander")),
    ('He told The Associated Press: "We will not negotiate with terrorists."', [],
     "negotiate", dict(kind="direct", cue="told", via="The Associated Press")),
    # a quote split around its cue: two linked quotes with one speaker
    ('"The situation is very dangerous," Lavrov said, "and we need help now."',
     [("Lavrov", "Q2", "Sergei Lavrov", "person")],
     "we need help", dict(kind="direct", name="Sergei Lavrov", cue="said")),
    # a quote paragraph standing alone continues the previous speaker
    ('"It is too early to say," a senior officer said.\n\n"We need more time."', [],
     "need more time", dict(kind="direct", anonymous=True, description="senior officer")),
    # a quote over several paragraphs, attributed at its end
    ('"This war has no rules," the commander said. "How can you ask us to obey them?\n\n'
     '"Our enemy kills without mercy," he said.', [],
     "How can you ask", dict(kind="direct", anonymous=True, description="the commander", span="he")),
    ('"We have nothing to do with this," a senior Hamas official, speaking on condition of anonymity, '
     "told AFP.", [("AFP", "M3", "Agence France-Presse", "media"), ("Hamas", "G1", "Hamas", "armed_group")],
     "nothing to do", dict(kind="direct", anonymous=True, description="senior Hamas official",
                           actor="G1", via="Agence France-Presse")),
    # indirect speech: "said (that)", "told Y that", content before the cue
    ("The army said it had retaken the town of Baiji from militants.", [],
     "retaken the town", dict(kind="indirect", exact="it had retaken the town of Baiji from militants",
                              name="The army", cue="said")),
    ("The army said on Friday that it had retaken the town.", [],
     "retaken", dict(kind="indirect", exact="it had retaken the town")),
    ("Government forces have retaken the town, the army said in a statement.", [],
     "retaken", dict(kind="indirect", exact="Government forces have retaken the town", span="the army")),
    ("Police arrested 12 people after the clashes, a police spokesman told Reuters.", [REUTERS],
     "arrested 12", dict(kind="indirect", via="Reuters", anonymous=True, description="police spokesman")),
    ("The ministry told Reuters that two soldiers had been killed.", [REUTERS],
     "two soldiers", dict(exact="two soldiers had been killed", via="Reuters", cue="told")),
    ("Two soldiers were killed, officials said.", [],
     "two soldiers", dict(kind="indirect", anonymous=True, description="officials")),
    ("The attack, the ministry said, killed at least 20 people.", [],
     "killed at least 20", dict(kind="indirect", span="the ministry")),
    ("BEIRUT (Reuters) - Russian warplanes struck rebel areas on Saturday, a monitoring group said.", [],
     "warplanes struck", dict(kind="indirect", exact="Russian warplanes struck rebel areas on Saturday",
                             anonymous=False)),
    # according to
    ("According to the United Nations, more than 3,000 civilians have fled the area.", [UN],
     "civilians have fled", dict(cue="According to", name="United Nations", actor="I1",
                                 exact="more than 3,000 civilians have fled the area")),
    ("More than 3,000 civilians have fled the area, according to the United Nations.", [UN],
     "civilians have fled", dict(cue="according to", name="United Nations",
                                 exact="More than 3,000 civilians have fled the area")),
    ("According to a statement from the ministry, the border will reopen on Monday.", [],
     "border will reopen", dict(span="the ministry")),
    # other speech verbs
    ("Human Rights Watch accused the government of using excessive force against protesters.",
     [("Human Rights Watch", "O1", "Human Rights Watch", "organization")],
     "excessive force", dict(kind="indirect", cue="accused", name="Human Rights Watch")),
    ("Turkey on Wednesday accused Russia of violating its airspace.",
     [("Turkey", "S1", "Turkey", "state"), ("Russia", "S2", "Russia", "state")],
     "violating its airspace", dict(cue="accused", name="Turkey", actor="S1")),
    ("The Kremlin denied that Russian troops had crossed the border.", [("The Kremlin", "S2", "Russia", "state", True)],
     "crossed the border", dict(cue="denied", name="The Kremlin", actor="S2")),
    ("Moscow denied the allegations.", [("Moscow", "S2", "Russia", "state", True)],
     "allegations", dict(cue="denied", name="Moscow")),
    ("The group announced a unilateral ceasefire on Sunday.", [],
     "ceasefire", dict(cue="announced", kind="indirect")),
    ("The minister warned that the country could run out of fuel within weeks.", [],
     "run out of fuel", dict(cue="warned")),
    ("He stressed that the strikes would continue until the group was defeated.", [],
     "strikes would continue", dict(cue="stressed", span="He")),
    ("The president added that the offensive would continue.", [],
     "offensive would continue", dict(cue="added", name="The president")),
    ("Islamic State claimed the attack was revenge for air strikes.",
     [("Islamic State", "G2", "Islamic State", "armed_group")],
     "revenge", dict(cue="claimed", name="Islamic State")),
    ("The UN urged both sides to exercise restraint.", [("The UN", "I1", "United Nations", "igo")],
     "exercise restraint", dict(cue="urged", name="United Nations")),
    ("Smith was quoted by Reuters as saying that the deal was off.", [REUTERS, ("Smith", "P9", "John Smith", "person")],
     "deal was off", dict(name="John Smith", via="Reuters")),
    ("The company issued a statement saying it would appeal the ruling.", [],
     "appeal the ruling", dict(cue="saying", name="The company")),
    # mixed: a reported clause holding a quoted fragment
    ('Washington said the strikes were "a grave mistake".', [("Washington", "S3", "United States", "state", True)],
     "grave mistake", dict(kind="mixed", exact='the strikes were "a grave mistake"', name="Washington")),
    ('Iran warned of a "crushing response" to any attack.', [("Iran", "S4", "Iran", "state")],
     "crushing response", dict(kind="mixed", name="Iran")),
    # anonymous sources
    ("A Western diplomat, who asked not to be named, said the talks were close to collapse.", [],
     "close to collapse", dict(anonymous=True, description="A Western diplomat, who asked not to be named")),
    ("Sources said the president would resign within days.", [],
     "resign", dict(anonymous=True, description="Sources")),
    ("A spokesperson for the ministry said the claims were false.", [],
     "claims were false", dict(anonymous=True, description="spokesperson")),
    ("A man who declined to be named said soldiers had opened fire.", [],
     "opened fire", dict(anonymous=True, description="declined to be named")),
    ('"We were surrounded," one of the residents said.', [],
     "surrounded", dict(anonymous=True, description="one of the residents")),
    ("US officials said the strikes had hit a hospital.", [("US", "S5", "United States", "state")],
     "hospital", dict(anonymous=True, description="US officials", actor="S5", name=None)),
    # named spokesmen are not anonymous
    ("Ministry spokesman Ahmed Hassan said the claims were false.", [("Ahmed Hassan", "P5", "Ahmed Hassan", "person")],
     "claims were false", dict(anonymous=False, name="Ahmed Hassan")),
    ("The ministry's spokesman, Ahmed Hassan, said the claims were false.",
     [("Ahmed Hassan", "P5", "Ahmed Hassan", "person")],
     "claims were false", dict(anonymous=False, name="Ahmed Hassan")),
    # a short first half of a split quote, a headline's "Name: 'quote'", a dateline before the speaker
    ('"We," Haider al-Abadi said, "will not stop until every inch of Iraq is free."', [ABADI],
     "We", dict(kind="direct", exact="We", name="Haider al-Abadi")),
    ("Iraq PM: 'We will liberate Mosul this year'\n\nThe offensive began on Monday.", [],
     "liberate Mosul", dict(kind="direct", span="Iraq PM", cue=":")),
    ("BAGHDAD (AP) — Iraq's prime minister vowed on Monday to retake Mosul by the end of the year.", [],
     "retake Mosul", dict(span="Iraq's prime minister", anonymous=False, cue="vowed")),
    ('"Everybody is afraid," one shopkeeper said, asking that his name not be used.', [],
     "afraid", dict(anonymous=True, description="one shopkeeper")),
    # via: outlets, resolved through media actors or the publisher; audiences are not outlets
    ("The defence ministry said in an interview with the BBC that the strikes had been precise.", [BBC],
     "precise", dict(via="BBC")),
    ("Speaking to Al Jazeera, the minister said the border would remain closed.",
     [("Al Jazeera", "M4", "Al Jazeera", "media")],
     "remain closed", dict(via="Al Jazeera")),
    ("The minister told reporters that the border would remain closed.", [],
     "remain closed", dict(via=None)),
    ("The minister told parliament that the border would remain closed.", [],
     "remain closed", dict(via=None)),
    ("Iraqi Foreign Minister Ibrahim al-Jaafari told Al-Sumaria TV that Baghdad would welcome Russian air strikes.",
     [("Ibrahim al-Jaafari", "P6", "Ibrahim al-Jaafari", "person")],
     "welcome Russian", dict(via="Al-Sumaria TV", name="Ibrahim al-Jaafari",
                             exact="Baghdad would welcome Russian air strikes")),
    ("The minister told the state news agency IRNA that the border would remain closed.", [],
     "remain closed", dict(exact="the border would remain closed", via="the state news agency IRNA")),
]


@pytest.mark.model
@pytest.mark.parametrize("text, actors, content, want", CASES, ids=[c[2] for c in CASES])
def test_quote(nlp, text, actors, content, want):
    found = _run(nlp, text, actors)
    _check(_one(found, content), want)


@pytest.mark.model
def test_told_publisher_acronym(nlp):
    """Without a media actor, an acronym of the publisher names the outlet."""
    found = _run(nlp, "Witnesses told MEE that the bombing lasted for hours.", publisher="Middle East Eye")
    _check(_one(found, "bombing lasted"), dict(via="Middle East Eye", anonymous=True, description="Witnesses"))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    'The militants declared a so-called "caliphate" in June 2014.',
    "The convoy left on time, according to plan.",
    "The official did not say when the talks would resume.",
    "The commander told his men to leave the town.",
    "Reuters was told that the talks had failed.",
    'She starred in the film "Sniper" last year.',
    "The strikes added to tensions between the two countries.",
])
def test_no_quote(nlp, text):
    assert _run(nlp, text) == ()


@pytest.mark.model
@pytest.mark.parametrize("text, actors, content, want", [
    # they -> the latest plural speaker
    ("Officials said the fighting had stopped.\n\nThey said aid would arrive on Monday.", [],
     "aid would arrive", dict(span="They", anonymous=True, description="Officials")),
    ("The army said 20 militants had been killed. A local official said civilians were among the dead, "
     "and residents said the bombing lasted all night.\n\nThey said aid had not arrived.", [],
     "aid had not arrived", dict(anonymous=True, description="residents")),
    # he -> a person, the subject first when the sentence names two
    ("John Kerry met Sergei Lavrov in Geneva.\n\nHe said the meeting had been useful.", [KERRY, LAVROV],
     "meeting had been useful", dict(span="He", name="John Kerry", actor="Q3")),
    ('Ahmed Ali, a local council member, said the water supply had been cut.\n\n'
     '"We have no electricity and no water," he said.', [("Ahmed Ali", "P7", "Ahmed Ali", "person")],
     "no electricity", dict(kind="direct", name="Ahmed Ali", span="he")),
    # he -> an unnamed officer stays anonymous
    ('"The front is quiet," a senior officer said.\n\nHe said reinforcements had arrived.', [],
     "reinforcements", dict(anonymous=True, description="senior officer", span="He")),
    # it -> an organisation
    ("The defence ministry said the raids had hit 50 targets.\n\nIt said no civilians had been hurt.", [],
     "no civilians", dict(span="It", name="The defence ministry")),
    # "the minister" -> the minister named before
    ("Foreign Minister Sergei Lavrov said the strikes would continue.\n\n"
     "The minister said Russia had informed Washington.", [LAVROV],
     "informed Washington", dict(name="Sergei Lavrov", span="The minister", anonymous=False)),
    # "the official" -> the unnamed official before
    ('"We are seeing a clear pattern," a U.S. official said on condition of anonymity. '
     'The official added that Washington was "deeply concerned".', [],
     "deeply concerned", dict(kind="mixed", anonymous=True, description="a U.S. official")),
])
def test_speaker_resolution(nlp, text, actors, content, want):
    _check(_one(_run(nlp, text, actors), content), want)


@pytest.mark.model
def test_ids_are_stable_and_distinct(nlp):
    text = '"A is true," he said. "B is true too," he added.\n\nOfficials said C was false.'
    first = _run(nlp, text, article_id="art-1")
    again = _run(nlp, text, article_id="art-1")
    other = _run(nlp, text, article_id="art-2")
    assert [q.id for q in first] == [q.id for q in again]
    assert len({q.id for q in first}) == len(first) == 3
    assert not {q.id for q in first} & {q.id for q in other}
    assert all(q.id.startswith("q-") for q in first)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "", "\n\n", '"', '""""', "He said.", "said", '"We will win', 'He said: "', "According to",
    "according to ,", '"A," he said, "', "“ ” ‘ ’ ' \"", '\n"\n\n"\n', "said " * 200,
    '"' * 50 + " he said",
])
def test_odd_text_never_raises(nlp, text):
    _run(nlp, text)


# -- the seed article ---------------------------------------------------------------------

_BOILERPLATE = ("Skip to", "Stay informed", "Sign up", "Middle East Eye delivers")


def _seed_text() -> str:
    lines = [line for line in SEED.read_text(encoding="utf-8").split("\n")
             if line.strip() and not line.startswith(_BOILERPLATE)]
    return "\n\n".join(lines)


SEED_ACTORS = [
    ("Hakem al-Zamli", "ew:zamli", "Hakem al-Zamli", "person"),
    ("Anadolu Agency", "M5", "Anadolu Agency", "media"),
    ("MEE", "M6", "Middle East Eye", "media"),
    ("Iraqi security officials", "S6", "Iraq", "state"),
    ("the Kremlin", "S2", "Russia", "state", True),
    ("Russia", "S2", "Russia", "state"),
    ("Turkey", "S1", "Turkey", "state"),
]


@pytest.mark.model
@pytest.mark.parametrize("actors", [SEED_ACTORS, []], ids=["with-actors", "without-actors"])
def test_seed(nlp, actors):
    found = _run(nlp, _seed_text(), actors, publisher="Middle East Eye")
    _check(_one(found, "authorised Russia"), dict(kind="indirect", anonymous=True, description="senior Iraqi official"))
    _check(_one(found, "weakening IS"), dict(kind="indirect", name="Hakem al-Zamli", via="Anadolu Agency"))
    _check(_one(found, "invited to bomb IS"), dict(anonymous=True, description="Iraqi security officials",
                                                   via="Middle East Eye"))
    _check(_one(found, "refuse to strike private cars"),
           dict(kind="direct", anonymous=True, via="Middle East Eye",
                description="a senior military officer, who declined to be named"))
    _check(_one(found, "This is an exceptional war"), dict(kind="direct", anonymous=True, cue="said",
                                                           description="one of the officers"))
    _check(_one(found, "Russians have no red lines"), dict(kind="direct", anonymous=True, span="he",
                                                           description="one of the officers"))
    _check(_one(found, "How [can] you ask me"), dict(kind="direct"))
    _check(_one(found, "weakening the IS militant group"), dict(cue="According to"))
    assert _one(found, "weakening the IS militant group").speaker.name == "the Kremlin"
    _check(_one(found, "give IS militants time"), dict(kind="indirect", span="they", anonymous=True,
                                                       description="Iraqi security officials"))
    for q in found:
        _check(q, dict(no_speaker_in_content=True))


@pytest.mark.model
def test_speed_is_a_small_share_of_parsing(nlp):
    text = _seed_text()
    analysis = Analysis("seed", text, (), None, "Middle East Eye", _mentions(text, SEED_ACTORS))
    start = time.perf_counter()
    for _ in range(3):
        doc = nlp(text)
    parse = (time.perf_counter() - start) / 3
    quotes.find_quotes(doc, analysis)
    start = time.perf_counter()
    for _ in range(10):
        quotes.find_quotes(doc, analysis)
    own = (time.perf_counter() - start) / 10
    assert own < 0.15 * parse, (own, parse)


# -- quotes over paragraphs, split quotes, outlets, quoted characterisations -------------


@pytest.mark.model
@pytest.mark.parametrize("text, actors, publisher, content, want", [
    # a quote over two paragraphs: the pronoun after the second takes the person named before
    ('The union\'s lead negotiator, Maria Okonjo Bell, called the offer "an insult".\n\n'
     '"We came here in good faith. Our members deserve better.\n\n'
     '"If they will not move, we will strike," she told reporters after the meeting.',
     [], None, "We came here in good faith", dict(kind="direct", name="Maria Okonjo Bell")),
    # split around the cue: both halves, one speaker
    ('"The border will stay closed," she said, "until the attacks stop."',
     [], None, "until the attacks stop", dict(kind="direct", span="she")),
    # told the publisher, whatever the model took its name for
    ('"The clinic has no fuel left," a nurse told Harbour Ledger by phone.',
     [("Harbour Ledger", "x1", "Harbour Ledger", "person")], "Harbour Ledger",
     "no fuel left", dict(via="Harbour Ledger", anonymous=True)),
    # quoted characterisations
    ('The ministry rejected the report as "biased and misleading".', [], None,
     "biased and misleading", dict(kind="mixed", span="The ministry")),
    ('The mayor, Tomas Lindgren, called the plan "a disgrace".', [], None,
     "a disgrace", dict(kind="mixed", name="Tomas Lindgren")),
    # "saying in a statement that ..." where the parse hangs the clause on "statement"
    ("The army blamed the rebels, saying in a statement that the group had fired the rockets "
     "from hills it holds east of the river.", [], None, "had fired the rockets", dict(kind="indirect")),
    # an organ of a state, named only by its common noun, speaks as the state
    ('The army said the road "is now open".', [("The army", "Q1", "Sudan", "state")], None,
     "is now open", dict(name="Sudan")),
])
def test_paragraphs_splits_and_characterisations(nlp, text, actors, publisher, content, want):
    found = _run(nlp, text, actors, publisher=publisher)
    _check(_one(found, content), want)


@pytest.mark.model
def test_split_quote_halves_share_a_speaker(nlp):
    found = _run(nlp, 'Lena Park, a spokeswoman, defended the rules.\n\n'
                      '"These rules protect people, not parties," she said, "and they will stay."',
                 [("Lena Park", "P1", "Lena Park", "person")])
    first, second = _one(found, "protect people"), _one(found, "they will stay")
    assert first.speaker.name == second.speaker.name == "Lena Park"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The council called on both sides to open the roads.",   # no quoted characterisation
    "The court rejected the appeal as inadmissible.",
])
def test_characterisation_needs_quote_marks(nlp, text):
    assert _run(nlp, text) == ()


# -- claims of responsibility -------------------------------------------------------------

SHABAAB = ("al-Shabaab", "ew:al-shabaab", "al-Shabaab", "armed_group")
IS = ("Islamic State", "Q2429253", "Islamic State", "armed_group")


@pytest.mark.model
@pytest.mark.parametrize("text, actors, content, want", [
    ("Al-Shabaab claimed responsibility for the attack in a statement on its radio station.",
     [("Al-Shabaab", "ew:al-shabaab", "al-Shabaab", "armed_group")], "responsibility for the attack",
     {"cue": "claimed responsibility", "actor": "ew:al-shabaab"}),
    ("The Islamist group al-Shabaab claimed responsibility for a car bomb that killed eight people in Mogadishu.",
     [SHABAAB], "responsibility for a car bomb", {"cue": "claimed responsibility", "actor": "ew:al-shabaab"}),
    ("Islamic State took credit for the assault on the prison in Hasakah on Thursday.",
     [IS], "credit for the assault", {"cue": "took credit", "actor": "Q2429253"}),
    ("Islamic State claimed responsibility for the bombing, the group's Amaq news agency said.",
     [IS], "responsibility for the bombing", {"cue": "claimed responsibility", "actor": "Q2429253"}),
    # a claim is a statement by the claimant (CAMEO 015), even an unnamed one
    ("The rebels claimed responsibility for the attack.", [], "responsibility for the attack",
     {"cue": "claimed responsibility", "exact": "responsibility for the attack"}),
])
def test_claim_of_responsibility(nlp, text, actors, content, want):
    claims = [q for q in _run(nlp, text, actors) if quotes.claims_responsibility(q.cue.text)]
    assert len(claims) == 1 and claims[0].content.text.startswith(content), claims
    _check(claims[0], want)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "No group has claimed responsibility for the attack in Mogadishu on Thursday.",
    "Police blamed al-Shabaab, which often claims responsibility for such attacks.",
    "Al-Shabaab has yet to claim responsibility for the bombing.",
    "Al-Shabaab did not claim responsibility for the blast.",
    "Al-Shabaab has claimed responsibility for previous attacks on hotels in the capital.",
    "Al-Shabaab could claim responsibility for the attack.",
])
def test_not_a_claim(nlp, text):
    assert not [q for q in _run(nlp, text, [SHABAAB]) if quotes.claims_responsibility(q.cue.text)]


@pytest.mark.parametrize("cue, claim", [
    ("claimed responsibility", True), ("took full credit", True), ("said", False), ("according to", False),
    ("claimed", False),
])
def test_claim_cues(cue, claim):
    assert quotes.claims_responsibility(cue) is claim
