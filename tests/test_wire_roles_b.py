"""Wire role round B: PLOVER ACCUSE, REJECT, THREATEN, PROTEST and SANCTION in the manner of
1985-2005 wire copy, checked for event type AND roles.

The sentences were written for the project in the manner of wire copy (Reuters/AP/AFP of the late
Cold War and the 1990s); none is taken from a gold file.  They carry the period's constructions:
reporting frames ("..., the official news agency said on Tuesday"), titles and names, capitals for
governments ("Moscow condemned", "Hanoi spurned"), "X's Y", appositions, passives ("was criticised
by"), nominalisations ("the expulsion of"), conditionals ("threatened to ... unless ..."), domestic
events (a people against its government: the same country as actor and recipient) and international
bodies (UN, EC, OAU, NATO, the Commonwealth, the Arab League, the IMF, the World Bank).  The Soviet
Union is coded to its successor (RUS) and the Federal Republic of Yugoslavia to SCG.  Each case is
(text, PLOVER type, actor, recipient): some event of the sentence has the type, its actors' codes
include the actor and its recipients' codes include the recipient (None: not checked).  A code is
the actor's country, else its catalogue name (bodies with no country: "European Union" for the
European Community, "UN Security Council", "International Monetary Fund", ...).
"""
from __future__ import annotations

import pytest

from tests.roles import check_not_overextended, check_role

PUBLISHED = "1995-06-01"

CASES = [
    # ACCUSE
    ('Iraq accused Iran on Tuesday of shelling the border town of Basra, the official Iraqi News Agency said.', 'ACCUSE', 'IRQ', 'IRN'),
    ('Moscow condemned the NATO air strikes on Bosnian Serb positions as a dangerous escalation.', 'ACCUSE', 'RUS', 'NATO'),
    ('The Indian government accused Pakistan of arming Sikh militants in Punjab, the Press Trust of India reported.', 'ACCUSE', 'IND', 'PAK'),
    ("Syria denounced Israel's annexation of the Golan Heights, the official news agency SANA said on Monday.", 'ACCUSE', 'SYR', 'ISR'),
    ("Libya's official news agency JANA accused the United States of plotting against Colonel Muammar Gaddafi.", 'ACCUSE', 'LBY', 'USA'),
    ('China on Thursday lodged a strong protest with Washington over the visit of the Taiwanese president.', 'ACCUSE', 'CHN', 'USA'),
    ('The Arab League condemned the Israeli raid on the PLO headquarters in Tunis.', 'ACCUSE', 'Arab League', 'ISR'),
    ('Greece accused Turkey of violating its airspace 15 times on Wednesday, the defence ministry in Athens said.', 'ACCUSE', 'GRC', 'TUR'),
    ("The United Nations Security Council condemned Iraq's invasion of Kuwait and demanded the immediate withdrawal of Iraqi troops.", 'ACCUSE', 'UN Security Council', 'IRQ'),
    ("Nicaragua's Sandinista government blamed the United States for the mining of its harbours.", 'ACCUSE', 'NIC', 'USA'),
    ('South Africa was strongly criticised by the Commonwealth for its failure to free Nelson Mandela.', 'ACCUSE', 'Commonwealth', 'ZAF'),
    ('Angola charged that South African troops had crossed the border from Namibia, the Angolan news agency ANGOP said.', 'ACCUSE', 'AGO', 'ZAF'),
    ("Pakistan's Foreign Office summoned the Indian ambassador to protest against the firing across the Line of Control.", 'ACCUSE', 'PAK', 'IND'),
    ('Vietnam accused China of massing troops on the border, Hanoi radio said on Saturday.', 'ACCUSE', 'VNM', 'CHN'),
    ('The European Community condemned the military coup in Haiti and suspended aid.', 'ACCUSE', 'European Union', 'HTI'),
    ('Israel blamed Syria for the Hezbollah rocket attacks on northern Israel, a government spokesman said.', 'ACCUSE', 'ISR', 'SYR'),
    ("Kenya's opposition accused President Daniel arap Moi's government of rigging the elections.", 'ACCUSE', 'KEN', 'KEN'),
    ('Amnesty International accused the Turkish authorities of torturing Kurdish detainees.', 'ACCUSE', 'Amnesty International', 'TUR'),
    ('The Ethiopian government denounced Eritrea for what it called an act of aggression on the border.', 'ACCUSE', 'ETH', 'ERI'),
    ("North Korea's official KCNA news agency accused South Korea of staging provocations along the demilitarised zone.", 'ACCUSE', 'PRK', 'KOR'),
    ("Egypt sharply criticised Sudan on Monday over the attempt on President Hosni Mubarak's life in Addis Ababa.", 'ACCUSE', 'EGY', 'SDN'),
    ('Tehran accused Baghdad of using chemical weapons against Iranian troops on the southern front.', 'ACCUSE', 'IRN', 'IRQ'),
    ('The Organisation of African Unity condemned the coup in Burundi.', 'ACCUSE', 'Organization of African Unity', 'BDI'),
    ('Zimbabwe castigated Britain over its handling of the Rhodesian land question, the Herald newspaper reported.', 'ACCUSE', 'ZWE', 'GBR'),
    ('Cuba branded the United States a terrorist state after the downing of the airliner.', 'ACCUSE', 'CUB', 'USA'),
    ("Spain deplored Britain's decision to send a warship to Gibraltar.", 'ACCUSE', 'ESP', 'GBR'),
    ('The Soviet Union hit out at the United States over its plans for a space-based missile defence.', 'ACCUSE', 'RUS', 'USA'),
    ('Nigeria assailed France for testing nuclear weapons in the Pacific.', 'ACCUSE', 'NGA', 'FRA'),
    # REJECT
    ('Iraq rejected the United Nations demand to allow weapons inspectors into presidential sites.', 'REJECT', 'IRQ', 'United Nations'),
    ('Israel on Sunday rejected a PLO proposal for an international peace conference.', 'REJECT', 'ISR', 'PSE'),
    ('The Serbian government turned down an offer of mediation from the European Community.', 'REJECT', 'SRB', 'European Union'),
    ('Pretoria rejected calls by the Commonwealth for economic sanctions, the South African foreign ministry said.', 'REJECT', 'ZAF', 'Commonwealth'),
    ('Cuba refused to accept the return of the hijackers, the Cuban news agency Prensa Latina said.', 'REJECT', 'CUB', None),
    ('Turkey rejected Greek accusations that its warplanes had violated Greek airspace.', 'REJECT', 'TUR', 'GRC'),
    ('Argentina refused a British request to reopen talks on the Falklands.', 'REJECT', 'ARG', 'GBR'),
    ('North Korea refused to allow inspectors from the International Atomic Energy Agency to visit two sites.', 'REJECT', 'PRK', 'IAEA'),
    ('The Sri Lankan government rejected an offer of talks by the Tamil Tigers.', 'REJECT', 'LKA', 'LKA'),
    ("Iran's spiritual leader rejected any talks with the United States, Tehran radio said.", 'REJECT', 'IRN', 'USA'),
    ('The Bosnian Serbs rejected the international peace plan at a session of their self-styled parliament in Pale.', 'REJECT', 'BIH', None),
    ('The Polish government refused to legalise the banned Solidarity trade union.', 'REJECT', 'POL', 'POL'),
    ('Libya refused to hand over the two suspects in the Lockerbie bombing to Britain or the United States.', 'REJECT', 'LBY', None),
    ("Jordan's King Hussein rejected an Israeli proposal for a separate peace.", 'REJECT', 'JOR', 'ISR'),
    ('Syria denied Israeli allegations that it was harbouring terrorists.', 'REJECT', 'SYR', 'ISR'),
    ('The military government of Nigeria rejected demands by the Commonwealth to release political prisoners.', 'REJECT', 'NGA', 'Commonwealth'),
    ('Vietnam refused to withdraw its troops from Cambodia, the official news agency said.', 'REJECT', 'VNM', None),
    ('Beijing vetoed the Security Council resolution on Guatemala.', 'REJECT', 'CHN', None),
    ('Japan rebuffed an American demand to open its rice market.', 'REJECT', 'JPN', 'USA'),
    ('Hanoi spurned a Chinese offer of talks on the Spratly Islands.', 'REJECT', 'VNM', 'CHN'),
    ('Sudan brushed aside a demand by the Organisation of African Unity to extradite the suspects.', 'REJECT', 'SDN', 'Organization of African Unity'),
    ('The Israeli cabinet voted down an Egyptian plan for elections in the occupied territories.', 'REJECT', 'ISR', 'EGY'),
    ('Serbia defied a United Nations ultimatum to withdraw its forces from Croatia.', 'REJECT', 'SRB', 'United Nations'),
    ('The Iraqi leadership said it would not bow to American pressure to withdraw from Kuwait.', 'REJECT', 'IRQ', 'USA'),
    # THREATEN
    ('Iraq threatened to attack Israel if it was attacked by the United States.', 'THREATEN', 'IRQ', 'ISR'),
    ('The United States warned Libya that it would retaliate for any further terrorist attacks.', 'THREATEN', 'USA', 'LBY'),
    ("Greece threatened to veto the European Community's trade agreement with Turkey.", 'THREATEN', 'GRC', None),
    ('Pakistan threatened to expel Indian diplomats unless New Delhi stopped harassing its embassy staff.', 'THREATEN', 'PAK', 'IND'),
    ('The Tamil Tigers threatened to resume fighting unless the government lifted the economic blockade of Jaffna.', 'THREATEN', 'LKA', 'LKA'),
    ('North Korea threatened to withdraw from the Nuclear Non-Proliferation Treaty.', 'THREATEN', 'PRK', None),
    ('NATO warned the Bosnian Serbs of air strikes if they did not withdraw their heavy weapons from around Sarajevo.', 'THREATEN', 'NATO', 'BIH'),
    ('China warned Taiwan against any move towards independence, the Xinhua news agency said.', 'THREATEN', 'CHN', 'TWN'),
    ('Turkey threatened to cut off water supplies to Syria over its support for Kurdish rebels.', 'THREATEN', 'TUR', 'SYR'),
    ('The Iraqi government threatened to expel all United Nations weapons inspectors.', 'THREATEN', 'IRQ', 'United Nations'),
    ('Washington threatened to impose trade sanctions on Japan unless Tokyo opened its market to American cars.', 'THREATEN', 'USA', 'JPN'),
    ('India warned Pakistan of serious consequences if it continued to aid the Kashmiri militants.', 'THREATEN', 'IND', 'PAK'),
    ('Russia threatened to cut off gas supplies to Ukraine over unpaid debts.', 'THREATEN', 'RUS', 'UKR'),
    ('The Colombian government threatened to extradite drug traffickers to the United States.', 'THREATEN', 'COL', None),
    ('Ecuador warned Peru that it would defend its territory, President Sixto Duran Ballen said.', 'THREATEN', 'ECU', 'PER'),
    ('The Israeli army threatened to demolish the homes of suspected militants in the West Bank.', 'THREATEN', 'ISR', None),
    ('Iran threatened to close the Strait of Hormuz to shipping.', 'THREATEN', 'IRN', None),
    ('The IMF threatened to suspend loans to Russia unless Moscow cut its budget deficit.', 'THREATEN', 'International Monetary Fund', 'RUS'),
    ('Iraq issued an ultimatum to Kuwait to cut its oil output.', 'THREATEN', 'IRQ', 'KWT'),
    ('Israel vowed to retaliate against Syria for the rocket attack.', 'THREATEN', 'ISR', 'SYR'),
    ('Ankara warned Athens that extending territorial waters to 12 miles would be a cause for war.', 'THREATEN', 'TUR', 'GRC'),
    ('Washington warned Pyongyang that it would seek United Nations sanctions if North Korea did not allow inspections.', 'THREATEN', 'USA', 'PRK'),
    ('The rebel leader threatened to kill the hostages unless the Colombian government released jailed guerrillas.', 'THREATEN', None, 'COL'),
    # PROTEST
    ('Thousands of students marched through Seoul on Friday to demand the resignation of President Chun Doo-hwan.', 'PROTEST', 'KOR', 'KOR'),
    ('Workers at the Gdansk shipyard went on strike to demand the reinstatement of dismissed colleagues.', 'PROTEST', 'POL', 'POL'),
    ('Palestinian youths demonstrated outside the US consulate in Jerusalem against the American veto.', 'PROTEST', 'PSE', 'USA'),
    ('About 2,000 Kurds protested outside the Turkish embassy in Bonn against the military offensive in northern Iraq.', 'PROTEST', None, 'TUR'),
    ('Opposition supporters rioted in Lagos after the military annulled the presidential election.', 'PROTEST', 'NGA', 'NGA'),
    ('Thousands of Albanians marched in Pristina to protest against Serbian rule in Kosovo.', 'PROTEST', None, 'SRB'),
    ('French farmers blocked roads across the country to protest against the EC farm reforms.', 'PROTEST', 'FRA', None),
    ('Several hundred Chinese students staged a sit-in in Tiananmen Square demanding democracy.', 'PROTEST', 'CHN', 'CHN'),
    ('Kashmiri Muslims staged a protest march in Srinagar against Indian rule.', 'PROTEST', 'IND', 'IND'),
    ('Some 5,000 Greeks demonstrated in Athens against the recognition of Macedonia.', 'PROTEST', 'GRC', None),
    ('Political prisoners in Turkish jails went on hunger strike to protest against prison conditions.', 'PROTEST', 'TUR', 'TUR'),
    ('Tens of thousands of Filipinos took to the streets of Manila to demand the ouster of President Ferdinand Marcos.', 'PROTEST', 'PHL', 'PHL'),
    ('Hundreds of Palestinians rioted in the West Bank town of Nablus, throwing stones at Israeli soldiers.', 'PROTEST', 'PSE', None),
    ('Iranian women staged a sit-in outside the British embassy in Tehran over the Rushdie affair.', 'PROTEST', 'IRN', 'GBR'),
    ('Some 10,000 Serbs marched through Belgrade demanding the resignation of President Slobodan Milosevic.', 'PROTEST', 'SRB', 'SRB'),
    # SANCTION
    ('The European Community imposed an arms embargo on Yugoslavia.', 'SANCTION', 'European Union', 'SCG'),
    ('The United States cut off aid to Pakistan over its nuclear programme.', 'SANCTION', 'USA', 'PAK'),
    ('The United Nations Security Council imposed sanctions on Libya for its refusal to surrender the Lockerbie suspects.', 'SANCTION', 'UN Security Council', 'LBY'),
    ('Britain broke off diplomatic relations with Syria after a London court convicted a Jordanian of trying to blow up an Israeli airliner.', 'SANCTION', 'GBR', 'SYR'),
    ('Washington imposed an economic embargo on Nicaragua, President Ronald Reagan announced.', 'SANCTION', 'USA', 'NIC'),
    ('Iran expelled two British diplomats, the official news agency IRNA said.', 'SANCTION', 'IRN', 'GBR'),
    ('The Commonwealth suspended Nigeria after the execution of Ken Saro-Wiwa.', 'SANCTION', 'Commonwealth', 'NGA'),
    ('The United States suspended military aid to Guatemala over human rights abuses.', 'SANCTION', 'USA', 'GTM'),
    ('Japan froze its loans to China after the crackdown in Tiananmen Square.', 'SANCTION', 'JPN', 'CHN'),
    ("The Organisation of African Unity suspended Morocco's membership over Western Sahara.", 'SANCTION', 'Organization of African Unity', 'MAR'),
    ('Egypt recalled its ambassador from Israel in protest at the invasion of Lebanon.', 'SANCTION', 'EGY', 'ISR'),
    ('Nicaragua expelled eight American diplomats, the Foreign Ministry in Managua said.', 'SANCTION', 'NIC', 'USA'),
    ('The IMF suspended its lending to Zambia, finance ministry officials said.', 'SANCTION', 'International Monetary Fund', 'ZMB'),
    ("The Arab League suspended Egypt's membership after it signed a peace treaty with Israel.", 'SANCTION', 'Arab League', 'EGY'),
    ('Bahrain declared an Iranian diplomat persona non grata for interfering in its internal affairs.', 'SANCTION', 'BHR', 'IRN'),
    ('The United States slapped trade sanctions on China over the export of missile technology to Pakistan.', 'SANCTION', 'USA', 'CHN'),
    ('Iran severed diplomatic ties with Britain over the Rushdie affair.', 'SANCTION', 'IRN', 'GBR'),
    ('Egypt downgraded its diplomatic relations with Israel after the massacre in Lebanon.', 'SANCTION', 'EGY', 'ISR'),
    ('Thailand closed its border with Cambodia after the fighting near Poipet.', 'SANCTION', 'THA', 'KHM'),
    ('The World Bank halted new loans to Kenya, citing corruption.', 'SANCTION', 'World Bank', 'KEN'),
]

# senses added in this round that must not spread
NOT_OVEREXTENDED = [
    # "brand" is a denunciation only with a label ("branded X a terrorist state")
    ("The company branded its new cars with a blue logo.", "ACCUSE"),
    # "voted" alone is no rejection
    ("Parliament voted on the budget on Tuesday.", "REJECT"),
    ("Villagers voted in the election in large numbers.", "REJECT"),
    # "the Commonwealth of Independent States" is not the Commonwealth of Nations
    ("Belarus joined the Commonwealth of Independent States.", "SANCTION"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, type_, actor, recipient", CASES, ids=[c[0][:40] for c in CASES])
def test_wire_roles(pipeline, text, type_, actor, recipient):
    check_role(pipeline, text, PUBLISHED, type_, actor, recipient)


@pytest.mark.model
@pytest.mark.parametrize("text, wrong", NOT_OVEREXTENDED, ids=[c[0][:40] for c in NOT_OVEREXTENDED])
def test_sense_not_overextended(pipeline, text, wrong):
    check_not_overextended(pipeline, text, PUBLISHED, wrong)
