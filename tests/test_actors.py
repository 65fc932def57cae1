"""Tests of the actors stage: catalogue loading, user extension, and mentions in wire copy."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import actors
from eventwire.errors import ConfigError

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "mee-iraq-russia-2015.txt"


@pytest.fixture(scope="module")
def catalogue():
    return actors.load_catalogue()


# ------------------------------------------------------------ catalogue, no model needed


def test_catalogue_is_cached_and_has_every_country(catalogue):
    assert actors.load_catalogue() is catalogue
    countries = {e.country for e in catalogue.entries if e.role == "country"}
    assert {"IRQ", "RUS", "SYR", "TUR", "USA", "IRN", "GBR", "UKR", "SDN"} <= countries
    assert len(countries) > 240


@pytest.mark.parametrize("actor_id,name,country", [
    ("Q796", "Iraq", "IRQ"), ("Q159", "Russia", "RUS"), ("Q30", "United States", "USA"),
    ("Q2429253", "Islamic State", None), ("ew:pmf", "Popular Mobilization Forces", "IRQ"),
    ("ew:anadolu-agency", "Anadolu Agency", "TUR"), ("ew:us-led-coalition", "US-led coalition", None),
])
def test_catalogue_ids(catalogue, actor_id, name, country):
    entry = catalogue.by_id[actor_id]
    assert (entry.name, entry.country) == (name, country)


def test_sectors_are_plover_codes(catalogue):
    assert {e.sector for e in catalogue.entries if e.sector} <= actors.SECTORS


@pytest.mark.parametrize("suffix,body", [
    (".toml", '[[actor]]\nid = "ew:zeta-brigade"\nname = "Zeta Brigade"\nkind = "armed_group"\n'
              'country = "MEX"\nsector = "REB"\naliases = ["Zeta Brigade", "Los Zetas"]\n'
              '[[agent]]\nphrase = "cartel gunmen"\nsector = "CRM"\n'),
    (".yaml", "actor:\n  - {id: 'ew:zeta-brigade', name: Zeta Brigade, kind: armed_group, country: MEX,"
              " sector: REB, aliases: [Zeta Brigade, Los Zetas]}\n"),
    (".csv", "id,name,kind,country,sector,role,aliases,start,end\n"
             "ew:zeta-brigade,Zeta Brigade,armed_group,MEX,REB,actor,Zeta Brigade|Los Zetas,,\n"),
])
def test_user_file_extends_catalogue(tmp_path, suffix, body):
    path = tmp_path / f"mine{suffix}"
    path.write_text(body, encoding="utf-8")
    cat = actors.load_catalogue([str(path)])
    assert cat.by_id["ew:zeta-brigade"].country == "MEX"
    assert "zetas" in cat.trie["los"]
    assert "Q796" in cat.by_id  # packaged entries are still there


@pytest.mark.parametrize("body,message", [
    ('[[actor]]\nname = "X"\nkind = "alien"\naliases = ["X"]\n', "kind"),
    ('[[actor]]\nname = "X"\nsector = "ZZZ"\naliases = ["X"]\n', "sector"),
    ('[[actor]]\nname = "X"\n', "aliases"),
    ("[[actor]\n", "not valid"),
])
def test_bad_user_file_is_a_config_error(tmp_path, body, message):
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        actors.load_catalogue([str(path)])


def test_missing_user_file_is_a_config_error():
    with pytest.raises(ConfigError, match="cannot read"):
        actors.load_catalogue(["/nonexistent/actors.toml"])


# ------------------------------------------------------------ mentions, with the model


def _find(text, catalogue, **kw):
    from eventwire import nlp

    doc = nlp.parse(text)
    found = actors.find_actors(doc, catalogue, **kw)
    for m in found:
        assert text[m.span.start:m.span.end] == m.span.text
    starts = [m.span.start for m in found]
    assert starts == sorted(starts)
    assert all(a.span.end <= b.span.start for a, b in zip(found, found[1:]))
    return found


def _table(found):
    return {m.span.text: (m.name, m.country, m.sector, m.kind, m.metonym) for m in found}


CASES = [
    # (sentence, {span text: (name, country, sector, kind, metonym)}, spans that must NOT be actors)
    ("Moscow said on Tuesday it would not withdraw its forces.",
     {"Moscow": ("Russia", "RUS", "GOV", "state", True)}, []),
    ("Protesters gathered in Moscow on Saturday.",
     {"Protesters": ("Civilians (Russia)", "RUS", "CVL", "group", False)}, ["Moscow"]),
    ("The delegation flew to Ankara for talks.", {}, ["Ankara"]),
    ("Washington urged Tehran to halt enrichment.",
     {"Washington": ("United States", "USA", "GOV", "state", True),
      "Tehran": ("Iran", "IRN", "GOV", "state", True)}, []),
    ("Talks between Ankara and Moscow collapsed on Friday.",
     {"Ankara": ("Turkey", "TUR", "GOV", "state", True), "Moscow": ("Russia", "RUS", "GOV", "state", True)}, []),
    ("The White House said the strikes were lawful.",
     {"The White House": ("United States", "USA", "GOV", "state", True)}, []),
    ("Reporters waited outside the Kremlin for hours.", {}, ["the Kremlin", "Kremlin"]),
    ("Russian warplanes struck rebel positions near Idlib, Syrian state media said.",
     {"Russian warplanes": ("Russia", "RUS", "MIL", "state", False)}, []),
    ("Turkish soldiers killed three PKK fighters, the army said.",
     {"Turkish soldiers": ("Turkey", "TUR", "MIL", "state", False),
      "PKK fighters": ("Kurdistan Workers' Party", "TUR", "REB", "armed_group", False)}, []),
    ("Houthi rebels fired missiles at Saudi Arabia.",
     {"Houthi rebels": ("Houthis", "YEM", "REB", "armed_group", False),
      "Saudi Arabia": ("Saudi Arabia", "SAU", None, "state", False)}, []),
    ("Police fired tear gas at protesters in Nairobi.",
     {"Police": ("Kenya", "KEN", "COP", "state", False)}, []),
    ("Syrian President Bashar al-Assad met Russian President Vladimir Putin in Moscow.",
     {"Syrian President Bashar al-Assad": ("Syria", "SYR", "GOV", "state", False),
      "Russian President Vladimir Putin": ("Russia", "RUS", "GOV", "state", False)}, ["Moscow"]),
    # the title names no country, but the people files know Lavrov (never the article's home country)
    ("Foreign Minister Sergei Lavrov told reporters the talks had failed.",
     {"Foreign Minister Sergei Lavrov": ("Sergei Lavrov", "RUS", "GOV", "person", False)}, []),
    ("Foreign Minister Jane Nobody told reporters the talks had failed.",
     {"Foreign Minister Jane Nobody": ("Jane Nobody", None, "GOV", "person", False)}, []),
    ("THE WAR IS OVER, SAYS GENERAL", {}, ["IS"]),
    ("Fighters from Hayat Tahrir al-Sham seized the town, according to AFP.",
     {"Hayat Tahrir al-Sham": ("Hayat Tahrir al-Sham", "SYR", "REB", "armed_group", False),
      "AFP": ("Agence France-Presse", "FRA", "JRN", "media", False)}, []),
    ("The UN Security Council condemned the attack, Reuters reported.",
     {"The UN Security Council": ("UN Security Council", None, None, "igo", False),
      "Reuters": ("Reuters", "GBR", "JRN", "media", False)}, []),
    ("George Washington crossed the Delaware.", {}, ["Washington"]),
    ("Al-Shabaab militants attacked an African Union base in Somalia.",
     {"Al-Shabaab militants": ("al-Shabaab", "SOM", "REB", "armed_group", False),
      "African Union": ("African Union", None, None, "igo", False)}, []),
    ("Iraqi lawmakers approved the law, Iraq's parliament said.",
     {"Iraqi lawmakers": ("Iraq", "IRQ", "LEG", "state", False),
      "Iraq's parliament": ("Iraq", "IRQ", "LEG", "state", False)}, []),
    ("The Saudi-led coalition bombed the port.",
     {"The Saudi-led coalition": ("Saudi-led coalition", None, None, "igo", False)}, []),
    ("Paris is a beautiful city in spring.", {}, ["Paris"]),
    ("Wagner Group mercenaries were seen in Mali, the UN said.",
     {"Wagner Group": ("Wagner Group", "RUS", "PRM", "armed_group", False),
      "the UN": ("United Nations", None, None, "igo", False)}, []),
    ("John Smith, a spokesman for the Kenyan police, said Smith was not hurt.",
     {"John Smith": ("John Smith", "KEN", "COP", "person", False),
      "Smith": ("John Smith", "KEN", "COP", "person", False)}, []),
    ("Rebel groups in Syria rejected the ceasefire.",
     {"Rebel groups": ("Rebels (Syria)", "SYR", "REB", "group", False)}, []),
    ("Islamic State claimed the attack, the IS-run Amaq agency said.",
     {"Islamic State": ("Islamic State", None, "REB", "armed_group", False)}, []),
    ("IS militants and Daesh fighters were seen near the border.",
     {"IS militants": ("Islamic State", None, "REB", "armed_group", False),
      "Daesh fighters": ("Islamic State", None, "REB", "armed_group", False)}, []),
    ("Iraqis voted on Sunday while the US-led coalition kept up air strikes.",
     {"Iraqis": ("Iraq", "IRQ", None, "state", False),
      "the US-led coalition": ("US-led coalition", None, None, "igo", False)}, []),
    ("Ukrainian forces repelled an attack, Kyiv said.",
     {"Ukrainian forces": ("Ukraine", "UKR", "MIL", "state", False),
      "Kyiv": ("Ukraine", "UKR", "GOV", "state", True)}, []),
    ("Hezbollah fired rockets, and Israel responded with air strikes on Lebanon.",
     {"Hezbollah": ("Hezbollah", "LBN", "REB", "armed_group", False),
      "Israel": ("Israel", "ISR", None, "state", False), "Lebanon": ("Lebanon", "LBN", None, "state", False)}, []),
    ("Trump spoke to the turkey farmers in Iowa.", {}, ["turkey"]),
]


@pytest.mark.model
@pytest.mark.parametrize("text,expected,absent", CASES)
def test_mentions_in_wire_copy(catalogue, text, expected, absent):
    table = _table(_find(text, catalogue, published="2015-10-31"))
    for span, want in expected.items():
        assert table.get(span) == want, (span, table)
    for span in absent:
        assert span not in table, (span, table)


@pytest.mark.model
@pytest.mark.parametrize("text,published,name", [
    ("Assad met the envoy on Monday.", "2015-10-31", "Syria"),
    ("Obama met the envoy on Monday.", "2015-10-31", "United States"),
    ("Trump met the envoy on Monday.", "2018-03-01", "United States"),
])
def test_leaders_in_office_stand_for_their_state(catalogue, text, published, name):
    table = _table(_find(text, catalogue, published=published))
    first = text.split()[0]
    assert table[first][0] == name and table[first][3] == "state"


@pytest.mark.model
def test_leader_out_of_office_is_not_the_state(catalogue):
    table = _table(_find("Obama met the envoy on Monday.", catalogue, published="2019-03-01"))
    assert table.get("Obama", ("",))[0] != "United States"


@pytest.mark.model
@pytest.mark.parametrize("publisher,text,span", [
    ("Middle East Eye", "Officials told MEE the talks had stalled.", "MEE"),
    ("Kurdistan Daily Courier", "A source told KDC the talks had stalled.", "KDC"),
    ("Kurdistan Daily Courier", "The Kurdistan Daily Courier reported the talks had stalled.",
     "The Kurdistan Daily Courier"),
])
def test_publisher_and_its_initials_are_media(catalogue, publisher, text, span):
    table = _table(_find(text, catalogue, publisher=publisher))
    assert table[span][0] == publisher and table[span][3] == "media"


@pytest.mark.model
def test_user_actor_is_found(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[[actor]]\nid = "ew:zeta-brigade"\nname = "Zeta Brigade"\nkind = "armed_group"\n'
                    'country = "MEX"\nsector = "REB"\naliases = ["Zeta Brigade", "Los Zetas"]\n', encoding="utf-8")
    table = _table(_find("Los Zetas gunmen attacked a convoy.", actors.load_catalogue([str(path)])))
    assert table["Los Zetas gunmen"][:4] == ("Zeta Brigade", "MEX", "REB", "armed_group")


SEED_FORMS = [
    ("Iraq", "Iraq"), ("Iraq", "The Iraqi government"), ("Iraq", "Iraqi security officials"),
    ("Iraq", "Iraqi security forces"), ("Russia", "Russia"), ("Russia", "the Kremlin"), ("Russia", "Russians"),
    ("Islamic State", "Islamic State"), ("Islamic State", "Islamic State group"), ("Islamic State", "IS"),
    ("Islamic State", "Daesh"), ("Islamic State", "the IS militant group"),
    ("US-led coalition", "US-led coalition"), ("US-led coalition", "the US-led coalition"),
    ("Syria", "Syria"), ("Syria", "the Bashar al-Assad regime"), ("Syria", "Assad"),
    ("Turkey", "Turkey"), ("Turkey", "Ankara"), ("United States", "Washington"), ("Iran", "Iran"),
    ("Popular Mobilization Forces", "al-Hashd al-Shaabi Shia militia"), ("Middle East Eye", "MEE"),
]


@pytest.mark.model
@pytest.mark.skipif(not SEED.exists(), reason="shared seed corpus not present")
def test_seed_article_forms_hold(catalogue):
    found = _find(SEED.read_text(encoding="utf-8"), catalogue, publisher="Middle East Eye",
                  published="2015-10-31")
    for name, form in SEED_FORMS:
        assert any(m.name == name and form.lower() in m.span.text.lower() for m in found), (name, form)
    by_name = {m.name: m for m in found}
    assert (by_name["Hakem al-Zamli"].kind, by_name["Hakem al-Zamli"].country,
            by_name["Hakem al-Zamli"].sector) == ("person", "IRQ", "LEG")
    assert (by_name["Anadolu Agency"].kind, by_name["Anadolu Agency"].country) == ("media", "TUR")
    assert by_name["Popular Mobilization Forces"].kind == "armed_group"
    assert by_name["US-led coalition"].kind == "igo"
    assert all(m.metonym for m in found if m.span.text in ("Ankara", "Washington", "the Kremlin"))


# ------------------------------------------------------------ context: home country, back-references


def _forms(found):
    """span text -> (name, country, sector, kind) for every mention."""
    return {m.span.text: (m.name, m.country, m.sector, m.kind) for m in found}


CONTEXT_CASES = [
    # 1. possessive country + agent
    ("Ghana's navy seized the trawler on Sunday.",
     {"Ghana's navy": ("Ghana", "GHA", "MIL", "state")}),
    ("Peru's government declared an emergency in Lima.",
     {"Peru's government": ("Peru", "PER", "GOV", "state")}),
    # 2. bare agents take the nearest country of their sector, else the home country
    ("Nigerian police arrested six men in Lagos. Later the police released two of them.",
     {"Nigerian police": ("Nigeria", "NGA", "COP", "state"), "the police": ("Nigeria", "NGA", "COP", "state")}),
    ("Chilean soldiers patrolled Santiago. Troops fired warning shots near the port.",
     {"Troops": ("Chile", "CHL", "MIL", "state")}),
    ("Thousands marched through Lima and Cusco in Peru. Protesters blocked a highway outside Lima.",
     {"Protesters": ("Civilians (Peru)", "PER", "CVL", "group")}),
    ("Floods hit Dhaka and Chittagong in Bangladesh. The army said the interior minister would visit.",
     {"The army": ("Bangladesh", "BGD", "MIL", "state"),
      "the interior minister": ("Bangladesh", "BGD", "GOV", "state")}),
    ("Bolivian police detained two senior officers in La Paz.",
     {"two senior officers": ("Bolivia", "BOL", "COP", "state")}),
    # 3. back-references
    ("Al-Shabaab fighters attacked a base in Somalia. The group said it had captured weapons.",
     {"The group": ("al-Shabaab", "SOM", "REB", "armed_group")}),
    ("Houthi rebels seized a ship. A spokesman said the rebels would free the crew.",
     {"the rebels": ("Houthis", "YEM", "REB", "armed_group")}),
    ("The African Union suspended Niger on Friday, and the bloc warned of sanctions.",
     {"the bloc": ("African Union", None, None, "igo")}),
    ("The World Food Programme halted deliveries in Haiti, the agency said.",
     {"the agency": ("World Food Programme", None, None, "igo")}),
    # 4. persons: title before the name, title in apposition, appositive after
    ("Army spokesman Colonel Tomas Varga said the drill was routine, Hungary's defence ministry said.",
     {"Army spokesman Colonel Tomas Varga": ("Tomas Varga", "HUN", "MIL", "person")}),
    ("Opposition leader Maria Okafor rejected the budget in Abuja, Nigeria's capital. Nigeria's government disagreed.",
     {"Opposition leader Maria Okafor": ("Maria Okafor", "NGA", "OPP", "person")}),
    ("Peru's chief negotiator, Lucia Quispe Mamani, signed the text on Monday.",
     {"Peru's chief negotiator, Lucia Quispe Mamani": ("Lucia Quispe Mamani", "PER", "GOV", "person")}),
    # 5. unknown organisations
    ("The Karoo Land Alliance, an opposition movement, accused South Africa's government of theft.",
     {"The Karoo Land Alliance": ("Karoo Land Alliance", "ZAF", "OPP", "organization")}),
    ("The Tana Rights Centre, a Nairobi-based rights group, counted the dead. The rights group said ten died.",
     {"The Tana Rights Centre": ("Tana Rights Centre", "KEN", "SOC", "organization"),
      "The rights group": ("Tana Rights Centre", "KEN", "SOC", "organization")}),
    # 7. capitals as governments
    ("Paris welcomed the truce, and Berlin said it would send aid.",
     {"Paris": ("France", "FRA", "GOV", "state"), "Berlin": ("Germany", "DEU", "GOV", "state")}),
    ("Lima rejected a request by Quito for talks.",
     {"Quito": ("Ecuador", "ECU", "GOV", "state")}),
    ("EU ministers met on Monday. Brussels said the sanctions would stay.",
     {"Brussels": ("European Union", None, "GOV", "igo")}),
]


@pytest.mark.model
@pytest.mark.parametrize("text,expected", CONTEXT_CASES)
def test_context_constructions(catalogue, text, expected):
    table = _forms(_find(text, catalogue, published="2024-06-01"))
    for span, want in expected.items():
        assert table.get(span) == want, (span, table)


@pytest.mark.model
def test_pronoun_takes_the_last_named_subject(catalogue):
    text = ('Ines Duarte, a spokeswoman for the African Union, spoke on Tuesday. '
            '"The talks will go on," she said.')
    found = _find(text, catalogue)
    she = [m for m in found if m.span.text == "she"]
    assert she and she[0].name == "Ines Duarte" and she[0].kind == "person"


@pytest.mark.model
def test_pronoun_after_an_unnamed_subject_is_left_alone(catalogue):
    text = ('Ines Duarte said the talks would go on. '
            'A nurse, who asked not to be named because she feared reprisals, said nine died.')
    assert not [m for m in _find(text, catalogue) if m.span.text == "she"]


@pytest.mark.model
@pytest.mark.parametrize("text,publisher,span,name", [
    ("Rescuers search the rubble in Izmir (Aegean Ledger/Deniz Kaya)\n\nThe mayor told Aegean Ledger the toll would rise.",
     None, "Aegean Ledger", "Aegean Ledger"),
    ("A convoy reached Mosul (Tigris Wire/Ali Hassan).\n\n\u00a9 2024 The Tigris Wire. All rights reserved.",
     "The Tigris Wire", "Tigris Wire", "The Tigris Wire"),
])
def test_credited_outlets_are_media_and_photographers_are_not_actors(catalogue, text, publisher, span, name):
    found = _find(text, catalogue, publisher=publisher)
    table = _forms(found)
    assert table[span][0] == name and table[span][3] == "media"
    assert not [m for m in found if m.kind == "person"]


@pytest.mark.model
def test_unknown_publisher_takes_a_clear_home_country(catalogue):
    text = ("The Lake Courier\n\nKenyan police dispersed protesters in Kisumu and Nairobi. "
            "Police said Kenya would investigate.")
    table = _forms(_find(text, catalogue, publisher="The Lake Courier"))
    assert table["The Lake Courier"] == ("The Lake Courier", "KEN", "JRN", "media")


@pytest.mark.model
def test_members_and_organs_join_the_mention(catalogue):
    text = ("Sudan's army and its allies in the Joint Forces repelled the attack. "
            "The UN's humanitarian coordinator in Sudan called for a truce.")
    table = _forms(_find(text, catalogue))
    assert table["its allies in the Joint Forces"][:2] == ("Joint Forces", "SDN")
    assert table["The UN's humanitarian coordinator in Sudan"][0] == "United Nations"


# Grounding additions (issue 4): agencies, "with" + capital, titled heads of state, coreference.
GROUNDING = [
    ("The FBI and the CIA disagreed.", [("FBI", "Q30", "COP"), ("CIA", "Q30", "SPY")]),
    ("Damascus would work out further action with Moscow and Tehran.",
     [("Moscow", "Q159", "GOV"), ("Tehran", "Q794", "GOV")]),
    ("The Khartoum government tried to secure favour.", [("Khartoum government", "Q1049", "GOV")]),
    ("Portuguese President Mario Soares said on Tuesday that talks would resume.",
     [("Portuguese President Mario Soares", "Q45", "GOV")]),
    ("The US-backed Syrian Democratic Forces said the YPG had withdrawn. The group said it would stay.",
     [("group", "ew:sdf", "REB")]),
    ("Hezbollah fired rockets, and Hamas praised the group.", [("group", "ew:hezbollah", None)]),
    ("Somali police said they had arrested three suspects.", [("they", "Q1045", "COP")]),
    ("Security officials in Baghdad said the advisers had left.", [("Security officials", "Q796", None)]),
    ("He said Russian pressure rescued the deal.", [("Russian", "Q159", None)]),
]


@pytest.mark.model
@pytest.mark.parametrize("text,expected", GROUNDING)
def test_grounding(catalogue, text, expected):
    found = {m.span.text: m for m in _find(text, catalogue, published="2016-12-14")}
    for surface, ident, sector in expected:
        m = next((m for s, m in found.items() if surface in s), None)
        assert m is not None, (surface, sorted(found))
        assert m.id == ident
        if sector:
            assert m.sector == sector


@pytest.mark.model
@pytest.mark.parametrize("text,surface,country", [
    ("Soldiers burned Kenyan trucks near the border.", "Kenyan", "KEN"),
    ("The ministry imposed a ban on Chilean imports.", "Chilean", "CHL"),
    ("Ghanaian pilgrims marched through the capital.", "Ghanaian", "GHA"),
    ("Officials seized Tanzanian fishing boats off the coast.", "Tanzanian", "TZA"),
])
def test_adjective_on_an_event_object_names_its_country(catalogue, text, surface, country):
    found = [m for m in _find(text, catalogue) if surface in m.span.text]
    assert found and found[0].country == country, found


@pytest.mark.model
@pytest.mark.parametrize("text,surface", [
    ("The firm exported Iranian oil last year.", "Iranian"),
    ("She teaches Russian language at a school.", "Russian"),
    ("The Iraqi dinar fell against the dollar.", "Iraqi"),
    ("The minister met his Kenyan counterpart Amina Mohamed on Monday.", "Kenyan"),
])
def test_adjective_on_a_descriptive_noun_is_no_actor(catalogue, text, surface):
    assert surface not in [m.span.text for m in _find(text, catalogue)]


@pytest.mark.model
def test_country_named_as_place_is_no_actor(catalogue):
    found = [m.span.text for m in _find("Refugees who have lived in Iraq for a decade returned.", catalogue)]
    assert "Iraq" not in found
    assert "Saudi Arabia" in [m.span.text for m in _find("Houthi rebels fired missiles at Saudi Arabia.", catalogue)]


# Evidence-based resolution (issue 4): a person's country comes from evidence about them;
# leaders' surnames resolve by date; places, adjectives and agent phrases read by general rules.
EVIDENCE = [
    # (text, published, {span: (id or None, country, sector, kind)}, spans that must not be actors)
    ("Russia denied the hacking claims. Moscow said Russia was blamed unfairly, and the Kremlin agreed. "
     "Hillary Clinton said Donald Trump was wrong, and Mr Trump disagreed.", "2016-12-17",
     # never the article's home country (Russia); her own, from the people files
     {"Hillary Clinton": ("ew:person:hillary-clinton", "USA", None, "person"),
      "Donald Trump": ("ew:person:donald-trump", "USA", None, "person"),
      "Trump": ("ew:person:donald-trump", "USA", None, "person")}, []),
    ("Sri Lanka opened an embassy in Tehran on Wednesday.", "2015-06-03",
     {"Sri Lanka": ("ew:country:lka", "LKA", None, "state")}, ["Tehran"]),
    ("Saddam Hussein warned Israel and Israel said it would respond.", "1990-08-10",
     {"Saddam Hussein": ("Q796", "IRQ", "GOV", "state")}, []),
    ("Greece asked its partners not to recognise the Former Yugoslav Republic of Macedonia.", "1993-02-01",
     {"Former Yugoslav Republic of Macedonia": ("ew:country:mkd", "MKD", None, "state")}, []),
    ("Bush said on Monday the United States would not negotiate.", "1991-01-10",
     {"Bush": ("Q30", "USA", "GOV", "state")}, []),
    ("Bush said on Monday the United States would not negotiate.", "2005-01-10",
     {"Bush": ("Q30", "USA", "GOV", "state")}, []),
    ("Laura Bush visited a school in Texas.", "2005-01-10", {}, ["Bush"]),
    ("The Bush administration said China must drop its barriers.", None,
     {"The Bush administration": ("Q30", "USA", "GOV", "state")}, []),
    ("Bangladesh rejected an Indian proposal for a trade pact.", "2004-01-01",
     {"Indian": ("Q668", "IND", None, "state")}, []),
    ("Serbia flatly rejected an Australian ultimatum on Thursday.", "1999-01-01",
     {"Australian": ("Q408", "AUS", None, "state")}, []),
    ("Kenyan police said a riot police squad had dispersed students protesting in Nairobi.", "2019-02-12",
     {"a riot police squad": ("Q114", "KEN", "COP", "state"),
      "students": ("ew:group:edu-ken", "KEN", "EDU", "group")}, ["Nairobi"]),
    ("Let us be clear about this, the premier of Alberta told reporters.", "2016-11-23", {}, ["Let"]),
    ("Lashkar-e-Taiba, known as LeT, denied the attack.", "2016-11-23",
     {"LeT": ("ew:lashkar-e-taiba", "PAK", "REB", "armed_group")}, []),
    ("Turkish Foreign Minister Mevlut Cavusoglu spoke to his Russian counterpart, Sergey Lavrov.", "2016-12-14",
     {"his Russian counterpart, Sergey Lavrov": ("ew:person:sergey-lavrov", "RUS", None, "person")}, []),
    ("Russia denied it, but CIA Director John Brennan said Moscow had interfered.", "2016-12-17",
     {"John Brennan": ("ew:person:john-brennan", "USA", None, "person")}, []),
]


@pytest.mark.model
@pytest.mark.parametrize("text,published,expected,absent", EVIDENCE)
def test_evidence_based_resolution(catalogue, text, published, expected, absent):
    found = {m.span.text: m for m in _find(text, catalogue, published=published)}
    for span, (ident, country, sector, kind) in expected.items():
        m = found.get(span)
        assert m is not None, (span, sorted(found))
        assert (m.country, m.kind) == (country, kind), (span, m)
        if ident:
            assert m.id == ident, (span, m)
        if sector:
            assert m.sector == sector, (span, m)
    for span in absent:
        assert span not in found, (span, sorted(found))


def test_cbc_is_a_canadian_outlet(catalogue):
    assert catalogue.by_id["ew:media:cbc"].country == "CAN"


def test_mixed_case_acronym_needs_its_own_case(catalogue):
    pat = actors._Pattern(0, ("LeT",), False)
    assert not actors._case_ok(pat, ["Let"], 0)
    assert actors._case_ok(pat, ["LeT"], 0)


# ------------------------------------------------------------ people and nationalities


@pytest.mark.parametrize("words,titled,country", [
    (["Abdelaziz", "Bouteflika"], False, "DZA"),   # full name in the people file
    (["Yasser", "Arafat"], False, "PSE"),          # an alias of the same person
    (["Mugabe"], True, "ZWE"),                     # a titled surname one country's people bear
    (["Mugabe"], False, None),                     # an untitled lone surname lends nothing
    (["Jane", "Nobody"], False, None),             # unknown people get no country
])
def test_person_country_from_people_files(words, titled, country):
    assert actors._person_country(words, titled) == country


@pytest.mark.model
@pytest.mark.parametrize("text,span,country,kind", [
    ("President Abdelaziz Bouteflika said he would lift the ban.", "President Abdelaziz Bouteflika", "DZA", "person"),
    ("An Argentine judge has ordered former president Carlos Menem to appear.", "An Argentine judge", "ARG", "state"),
    ("An Argentine judge has ordered former president Carlos Menem to appear.", "former president Carlos Menem", "ARG", "person"),
    ("The Sri Lankan army has been holding thousands of refugees.", "The Sri Lankan army", "LKA", "state"),
    ("Bosnian Serbs said on Tuesday their forces had withdrawn.", "Bosnian Serbs", "BIH", "state"),
    ("Ivory Coast rebels rejected a Senegalese peace plan.", "Senegalese", "SEN", "state"),
    ("Israeli tanks fired four shells at targets in Jericho.", "Israeli tanks", "ISR", "state"),
])
def test_people_nationalities_and_weapons(catalogue, text, span, country, kind):
    table = _table(_find(text, catalogue, published="2000-01-01"))
    assert table.get(span, (None, None, None, None))[1::2][:2] == (country, kind), table


@pytest.mark.model
@pytest.mark.parametrize("text,published,span,country,kind", [
    # an official long name holding another country's short one
    ("The United States demanded that the Democratic People's Republic of Korea give up its weapons.",
     "2003-01-09", "Democratic People's Republic of Korea", "PRK", "state"),
    # a leader's surname out of office is still their country's person, not its government
    ("President Bush has threatened further action against Russia.", "2000-05-01", "Bush", "USA", "person"),
    ("Moroccan diplomats held their first meeting with President Obama.", "2003-05-01", "Obama", "USA", "person"),
    # an untitled surname only people of one country bear
    ("Annan met Chirac in Paris on Monday.", "2000-05-01", "Chirac", "FRA", "person"),
    # the head of an intergovernmental body, in office, stands for the body
    ("Kofi Annan said he will withdraw the inspectors.", "2000-05-01", "Kofi Annan", None, "igo"),
    # international bodies of the Phoenix dictionary
    ("The International Labour Organization urged Israel to ease restrictions.", "2003-05-01",
     "The International Labour Organization", None, "igo"),
    # armed groups of the Phoenix dictionary, with the country of their code or their name
    ("The Tamil Tigers attacked an army camp near Jaffna.", "2000-05-01", "The Tamil Tigers", "LKA", "armed_group"),
    ("UNITA rebels shelled the town.", "1993-05-01", "UNITA rebels", "AGO", "armed_group"),
    # a people whose home is one country: a group of that country, not its state
    ("Chinese police detained dozens of Uighur activists.", "2010-05-01", "Uighur", "CHN", "group"),
    # a title right before a name the tagger took for an organisation
    ("Vice-President Moody Awori has declined to resign.", "2004-05-01", "President Moody Awori", "KEN", "person"),
])
def test_names_that_carry_a_country(catalogue, text, published, span, country, kind):
    table = _table(_find(text, catalogue, published=published))
    assert table[span][1] == country and table[span][3] == kind


@pytest.mark.model
def test_igo_head_out_of_office_is_not_the_body(catalogue):
    table = _table(_find("Kofi Annan said he will withdraw the inspectors.", catalogue, published="2012-05-01"))
    assert table.get("Kofi Annan", ("",))[0] != "United Nations"


@pytest.mark.model
def test_up_to_a_number_is_the_object():
    from eventwire.pipeline import Pipeline

    art = Pipeline().process("Afghan rebels have kidnapped up to 16 Russian civilian advisers from a bazaar.",
                             published="1985-05-01")
    by_id = {a.id: a for a in art.actors}
    assert any({by_id[r].country for r in e.recipients} == {"RUS"} for e in art.events)


@pytest.mark.model
def test_coordinated_nationality_adjectives_on_a_subject(catalogue):
    table = _table(_find("The Turkish and Greek sides have agreed to share information.", catalogue))
    assert table["Turkish"][1] == "TUR" and table["Greek"][1] == "GRC"


@pytest.mark.model
@pytest.mark.parametrize("text,surface,name,country", [
    ("Soldiers burned down dozens of houses in a village in Rakhine state.", "Soldiers", "Myanmar", "MMR"),
    ("Gunmen attacked a bus near Kano on Monday.", "Gunmen", "Unidentified armed group (Nigeria)", "NGA"),
])
def test_groups_take_the_country_of_where_they_act(text, surface, name, country):
    from eventwire.pipeline import Pipeline

    art = Pipeline().process(text, published="2015-10-27")
    found = {a.span.text: a for a in art.actors}
    assert found[surface].name == name and found[surface].country == country


@pytest.mark.model
def test_foreign_forces_keep_no_country():
    from eventwire.pipeline import Pipeline

    art = Pipeline().process("Foreign troops patrolled the streets of Kabul on Monday.", published="2015-10-27")
    assert all(a.country is None for a in art.actors if "troops" in a.span.text)


@pytest.mark.model
def test_international_body_takes_no_home_country(catalogue):
    table = _table(_find("The Global Water Forum said the United States must do more.", catalogue))
    assert table["The Global Water Forum"][1] is None


@pytest.mark.model
def test_an_attack_with_no_named_doer_has_an_unidentified_group_of_the_place():
    from eventwire.pipeline import Pipeline

    art = Pipeline().process("A roadside bomb near Samarra killed two Iraqi soldiers on Sunday.", published="2004-05-03")
    by_id = {a.id: a for a in art.actors}
    attack = next(e for e in art.events if e.type == "ASSAULT")
    assert [by_id[i].name for i in attack.actors] == ["Unidentified armed group (Iraq)"]
    # a denied or hypothetical attack implies no one
    art = Pipeline().process("A bomb near Samarra could kill dozens, officials warned.", published="2004-05-03")
    assert all(not e.actors for e in art.events if e.type == "ASSAULT" and e.modality != "asserted")


@pytest.mark.model
def test_an_ethnic_group_is_not_the_state_its_name_comes_from():
    from eventwire.pipeline import Pipeline

    art = Pipeline().process("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", published="2000-05-01")
    found = {a.span.text: a for a in art.actors}
    assert found["ethnic Albanians"].country == "SRB" and found["ethnic Albanians"].kind == "group"


@pytest.mark.model
@pytest.mark.parametrize("text,name,kind", [
    ("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.", "Civilians (Iraq)", "group"),
    ("Kenyan students marched in Nairobi.", "Students and educators (Kenya)", "group"),
    ("Palestinian leaders said they would reject the plan.", "Palestine", "state"),
    ("Israeli bulldozers demolished the houses.", "Israel", "state"),
])
def test_people_of_a_nationality_who_act(text, name, kind):
    from eventwire.pipeline import Pipeline

    art = Pipeline().process(text, published="2000-05-01")
    first = art.actors[0]
    assert (first.name, first.kind) == (name, kind)


@pytest.mark.model
@pytest.mark.parametrize("text,surface,sector,country", [
    # people of a religion, workers and farmers act in protests with no nationality word
    ("Islamic fundamentalists continued their hunger strike in Algiers.", "Islamic fundamentalists", "REL", "DZA"),
    ("Muslims protested outside the embassy in Cairo.", "Muslims", "REL", "EGY"),
    # a party named with a lower-case "party", as news copy writes it
    ("The fundamentalist Umma party said it will boycott Algeria's elections.", "Umma party", "PTY", "DZA"),
    # a bare agent capitalised only because it starts the sentence
    ("Rebels based in Sudan attacked a village.", "Rebels", "REB", "SDN"),
])
def test_agents_without_a_nationality_word(text, surface, sector, country):
    from eventwire.pipeline import Pipeline

    art = Pipeline().process(text, published="2000-05-01")
    found = {a.span.text: a for a in art.actors}
    assert surface in found, sorted(found)
    assert (found[surface].sector, found[surface].country) == (sector, country)


@pytest.mark.model
@pytest.mark.parametrize("text", ["Sunday's party was cancelled.", "The mosque was closed for repairs."])
def test_non_people_words_are_not_agents(text):
    from eventwire.pipeline import Pipeline

    assert not Pipeline().process(text, published="2000-05-01").actors


@pytest.mark.model
@pytest.mark.parametrize("text,names", [
    # the first of coordinated nationality adjectives shares the head noun
    ("Japanese and South Korean foreign ministers held talks in Seoul.", {"JPN", "KOR"}),
    ("Indian and Chinese troops clashed on the disputed border.", {"IND", "CHN"}),
])
def test_coordinated_nationalities_on_one_head_are_both_parties(text, names):
    from eventwire.pipeline import Pipeline

    art = Pipeline().process(text, published="2020-06-16")
    by_id = {a.id: a for a in art.actors}
    assert any({by_id[a].country for a in e.actors} == names for e in art.events)


@pytest.mark.model
def test_unidentified_attackers_are_of_where_they_struck():
    from eventwire.pipeline import Pipeline

    art = Pipeline().process("Gunmen kidnapped two Chinese engineers in Pakistan.", published="2020-06-16")
    found = {a.span.text: a for a in art.actors}
    assert found["Gunmen"].country == "PAK" and found["two Chinese engineers"].country == "CHN"


@pytest.mark.model
@pytest.mark.parametrize("text,surface,sector,country", [
    # a lower-case title just before a name joins the mention and gives its sector
    ("Pakistan allowed opposition leader Imran Khan to hold a rally.", "opposition leader Imran Khan", "OPP", "PAK"),
    ("Police arrested rebel commander John Bosco in Kampala.", "rebel commander John Bosco", "REB", "UGA"),
])
def test_lower_case_titles_before_names(text, surface, sector, country):
    from eventwire.pipeline import Pipeline

    art = Pipeline().process(text, published="2000-01-01")
    found = {a.span.text: a for a in art.actors}
    assert surface in found, sorted(found)
    assert (found[surface].sector, found[surface].country, found[surface].kind) == (sector, country, "person")


@pytest.mark.model
def test_a_nationality_on_a_target_near_an_attack_is_the_target():
    from eventwire.pipeline import Pipeline

    art = Pipeline().process("Syrian rebels detonated a car bomb outside a Russian base.", published="2016-01-01")
    by_id = {a.id: a for a in art.actors}
    attack = next(e for e in art.events if e.type == "ASSAULT")
    assert [by_id[r].country for r in attack.recipients] == ["RUS"]


def test_organisation_names_match_in_either_spelling():
    assert actors._spellings(["World Health Organization"]) == ["World Health Organization", "World Health Organisation"]
    assert "International Labor Office" in actors._spellings(["International Labour Office"])
    assert actors._spellings(["NATO"]) == ["NATO"]


@pytest.mark.model
def test_the_ilo_by_its_secretariat_and_american_spelling(catalogue):
    table = _table(_find("The International Labor Office (ILO) urged Israel to ease restrictions.", catalogue))
    assert table["The International Labor Office"][0] == "International Labour Organization"


@pytest.mark.model
@pytest.mark.parametrize("text,type_,actor,recipient", [
    # a capital visited stands for its host government
    ("The Syrian foreign minister paid a two-day visit to Tehran.", "CONSULT", "SYR", "IRN"),
    # the opposition that acts is a party to events; its target at home is the state
    ("The opposition in Kenya called for multi-party elections.", "REQUEST", "KEN", "KEN"),
])
def test_visited_capitals_and_the_acting_opposition(text, type_, actor, recipient):
    from eventwire.pipeline import Pipeline

    art = Pipeline().process(text, published="1995-06-01")
    by_id = {a.id: a for a in art.actors}
    event = next(e for e in art.events if e.type == type_)
    assert [by_id[a].country for a in event.actors] == [actor]
    assert [by_id[r].country for r in event.recipients] == [recipient]


@pytest.mark.model
def test_opposition_to_a_plan_is_no_actor():
    from eventwire.pipeline import Pipeline

    assert not Pipeline().process("Opposition to the plan grew.", published="1995-06-01").actors


@pytest.mark.model
def test_a_leader_known_by_one_name_after_a_title():
    from eventwire.pipeline import Pipeline

    art = Pipeline().process("Students demanded political reforms by President Suharto's government.",
                             published="1998-05-02")
    found = {a.span.text: a for a in art.actors}
    assert any(a.country == "IDN" and "Suharto" in text for text, a in found.items())
