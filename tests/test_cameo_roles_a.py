"""CAMEO role round A: CAMEO root codes 01-05 (make public statement, appeal, express intent to
cooperate, consult, engage in diplomatic cooperation), checked for event type AND roles.

The sentences were written for the project in the manner of wire copy (Reuters/AP style), one or
two per CAMEO code (3-digit, and 4-digit where the wording differs; the code is noted after each
case); none is taken from a gold file.  Constructions vary: active, passive, nominal ("Cuba's offer
of talks"), light verbs ("issued an appeal"), coordinated actors, headlines, reporting frames and
dates.  Each case is (text, PLOVER type, actor code, recipient code): some event of the sentence has
the type, its actors' codes include the actor code and its recipients' codes include the recipient
code (None: not checked).  An actor's code is its country; actors with no country take the
evaluator's international codes (igo -> IGO, organization -> NGO, armed group -> IMG,
eventwire.evaluate.plover).  Mutual events with coordinated doers ("Cuba and the United States
restored ties", "talks between Serbia and Kosovo") code every party as an actor and no recipient
(PLOVER manual, CONSULT), so their recipient is None here.
"""
from __future__ import annotations

import pytest

from tests.roles import check_not_overextended, check_role

PUBLISHED = "2015-10-27"

CASES = [
    # 01 MAKE PUBLIC STATEMENT (PLOVER drops it; only the acts the project types: 015 admit -> CONCEDE, 016 deny -> REJECT, 018 condolences -> SUPPORT)
    ('Russia acknowledged responsibility for the downing of the Malaysian airliner.', 'CONCEDE', 'RUS', None),  # 015
    ('Britain accepted responsibility for the deaths of the Afghan civilians, the defence ministry said on Monday.', 'CONCEDE', 'GBR', None),  # 015
    ('Iran denied responsibility for the attack on the Saudi oil tanker.', 'REJECT', 'IRN', None),  # 016
    ('Pakistan on Monday rejected Indian accusations that it had sheltered the gunmen.', 'REJECT', 'PAK', 'IND'),  # 016
    ('Syria denies role in chemical attack', 'REJECT', 'SYR', None),  # 016
    ('The Rwandan government on Friday dismissed allegations by Congo that its troops had crossed the border.', 'REJECT', 'RWA', 'COD'),  # 016
    ('In a statement on Thursday, the Israeli military denied responsibility for the blast in Beirut.', 'REJECT', 'ISR', None),  # 016
    ('The Japanese prime minister sent condolences to Nepal after the earthquake.', 'SUPPORT', 'JPN', 'NPL'),  # 018
    ('Germany expressed sympathy with France over the Paris attacks.', 'SUPPORT', 'DEU', 'FRA'),  # 018
    ('Indonesia offered condolences to Malaysia over the loss of the airliner.', 'SUPPORT', 'IDN', 'MYS'),  # 018
    # 02 APPEAL (PLOVER drops it; the project codes appeals as REQUEST, with the addressee as recipient)
    ('Kenya appealed to the United Nations for help.', 'REQUEST', 'KEN', 'IGO'),  # 020
    ('The Afghan government made an urgent appeal to Pakistan on Sunday.', 'REQUEST', 'AFG', 'PAK'),  # 020
    ("Lebanon's appeal to the Arab League went unanswered.", 'REQUEST', 'LBN', 'IGO'),  # 020
    ('Jordan issued an appeal to Gulf states for help with the refugee influx.', 'REQUEST', 'JOR', None),  # 020
    ('Greece asked the European Union for closer cooperation on border controls.', 'REQUEST', 'GRC', 'IGO'),  # 021
    ("Iraq's request for closer security cooperation with Iran was welcomed in Tehran.", 'REQUEST', 'IRQ', 'IRN'),  # 021
    ('Ukraine urged Poland to expand trade links, the foreign ministry said on Tuesday.', 'REQUEST', 'UKR', 'POL'),  # 0211
    ('Estonia called on NATO to station more troops in the Baltics.', 'REQUEST', 'EST', 'IGO'),  # 0212
    ('Brazilian prosecutors asked Swiss authorities to help in the corruption investigation.', 'REQUEST', 'BRA', 'CHE'),  # 0213
    ('France asked Belgium to share intelligence on the suspected militants.', 'REQUEST', 'FRA', 'BEL'),  # 0214
    ('The Palestinian president urged the European Union to recognise a Palestinian state.', 'REQUEST', 'PSE', 'IGO'),  # 022
    ('Serbia appealed to Russia for diplomatic backing over Kosovo.', 'REQUEST', 'SRB', 'RUS'),  # 022
    ('Kosovo appealed to Spain on Wednesday to recognise its independence.', 'REQUEST', 'XKX', 'ESP'),  # 022
    ('Nepal appealed for international aid after the earthquake.', 'REQUEST', 'NPL', None),  # 023
    ('Haiti pleads for aid as cholera spreads', 'REQUEST', 'HTI', None),  # 023
    ('Sierra Leone was urged by the World Health Organization to request more medical aid.', 'REQUEST', 'IGO', 'SLE'),  # 023
    ('Greece asked the International Monetary Fund for a new loan.', 'REQUEST', 'GRC', 'IGO'),  # 0231
    ('On March 3, Ukraine formally requested a loan from the International Monetary Fund.', 'REQUEST', 'UKR', 'IGO'),  # 0231
    ('Ukraine asked the United States for weapons to fight the separatists.', 'REQUEST', 'UKR', 'USA'),  # 0232
    ('Kiev has asked Washington for lethal weapons, a Ukrainian official said.', 'REQUEST', 'UKR', 'USA'),  # 0232
    ('Somalia appealed to donors for food aid as drought spread, UN officials said.', 'REQUEST', 'SOM', None),  # 0233
    ('The Jordanian king urged the international community to do more for Syrian refugees.', 'REQUEST', 'JOR', None),  # 0233
    ('Mali called on the United Nations to send peacekeepers to the north.', 'REQUEST', 'MLI', 'IGO'),  # 0234
    ("Somalia's request to the African Union for more peacekeepers was approved.", 'REQUEST', 'SOM', 'IGO'),  # 0234
    ('The United States urged Egypt to carry out political reforms.', 'REQUEST', 'USA', 'EGY'),  # 024
    ('Saudi Arabia called on the Syrian president to step down.', 'REQUEST', 'SAU', 'SYR'),  # 0241
    ('Opposition leaders in Zimbabwe and the British government called on the Zimbabwean president to resign.', 'REQUEST', 'GBR', 'ZWE'),  # 0241
    ('Germany urged Hungary to change its asylum policy.', 'REQUEST', 'DEU', 'HUN'),  # 0242
    ('Mexico pressed the United States to change its immigration policy.', 'REQUEST', 'MEX', 'USA'),  # 0242
    ('The European Union called on Turkey to respect press freedom.', 'REQUEST', 'IGO', 'TUR'),  # 0243
    ('The United Nations was urged by Human Rights Watch to press Bahrain on political rights.', 'REQUEST', 'NGO', 'IGO'),  # 0243
    ('The African Union asked Burundi to hold free elections.', 'REQUEST', 'IGO', 'BDI'),  # 0244
    ('Britain urged Russia to back down over Crimea.', 'REQUEST', 'GBR', 'RUS'),  # 025
    ('Colombia demanded that Venezuela reopen the border.', 'REQUEST', 'COL', 'VEN'),  # 025
    ('Iran called on the United States to lift visa restrictions on Iranian students.', 'REQUEST', 'IRN', 'USA'),  # 0251
    ('The UN secretary-general appealed to Venezuelan protesters to end the violence.', 'REQUEST', 'IGO', 'VEN'),  # 0252
    ('Germany called on Turkey to release the detained journalist.', 'REQUEST', 'DEU', 'TUR'),  # 0253
    ('Japan urged North Korea to free its abducted citizens.', 'REQUEST', 'JPN', 'PRK'),  # 0253
    ('Canada pressed China to free two detained Canadians.', 'REQUEST', 'CAN', 'CHN'),  # 0253
    ('Cuba called on the United States to end its trade embargo.', 'REQUEST', 'CUB', 'USA'),  # 0254
    ('Russia asked the European Union to lift the sanctions imposed over Ukraine.', 'REQUEST', 'RUS', 'IGO'),  # 0254
    ('The United Nations asked Myanmar to allow aid workers into Rakhine state.', 'REQUEST', 'IGO', 'MMR'),  # 0255
    ('China urged India to pull back its troops from the disputed border area.', 'REQUEST', 'CHN', 'IND'),  # 0256
    ('Germany and France urged Russia on Tuesday to pull its troops back from the border.', 'REQUEST', 'DEU', 'RUS'),  # 0256
    ('The United States urged Israel and the Palestinians to resume peace talks.', 'REQUEST', 'USA', 'ISR'),  # 026
    ("The Arab League called on Yemen's warring parties to hold talks.", 'REQUEST', 'IGO', 'YEM'),  # 026
    ('Kenya invited Somalia to talks on the maritime border.', 'REQUEST', 'KEN', 'SOM'),  # 026
    ('A call by Pakistan for dialogue with India was rebuffed by New Delhi.', 'REQUEST', 'PAK', 'IND'),  # 026
    ('Egypt invites Ethiopia, Sudan to new round of dam talks', 'REQUEST', 'EGY', 'ETH'),  # 026
    ('Cuba appealed to the Colombian government and the rebels to settle their conflict.', 'REQUEST', 'CUB', 'COL'),  # 027
    ('The European Union urged Serbia to resolve its dispute with Kosovo.', 'REQUEST', 'IGO', 'SRB'),  # 027
    ('Ethiopia asked the African Union to mediate in its dispute with Egypt.', 'REQUEST', 'ETH', 'IGO'),  # 028
    ('The UN urged South Sudan to accept mediation by Ethiopia.', 'REQUEST', 'IGO', 'SSD'),  # 028
    ('The Philippines asked Malaysia to broker peace talks with the Muslim rebels.', 'REQUEST', 'PHL', 'MYS'),  # 028
    # 03 EXPRESS INTENT TO COOPERATE -> AGREE (035x intents to yield included)
    ('China said on Monday it was willing to cooperate with the United States on climate change.', 'AGREE', 'CHN', 'USA'),  # 030
    ('Japan pledged to work with South Korea on the North Korean threat.', 'AGREE', 'JPN', 'KOR'),  # 030
    ('Iran ready to work with Saudi Arabia, foreign minister says', 'AGREE', 'IRN', 'SAU'),  # 030
    ('China expressed willingness to cooperate with the Philippines in the South China Sea.', 'AGREE', 'CHN', 'PHL'),  # 030
    ('Japan and Australia vowed on Friday to boost security cooperation.', 'AGREE', 'JPN', None),  # 030
    ('Russia offered to cooperate with Turkey in the fight against Islamic State.', 'AGREE', 'RUS', 'TUR'),  # 031
    ('India promised to expand trade with Bangladesh.', 'AGREE', 'IND', 'BGD'),  # 0311
    ('Germany vowed to deepen economic cooperation with Poland.', 'AGREE', 'DEU', 'POL'),  # 0311
    ('Japan offered to boost investment in Myanmar.', 'AGREE', 'JPN', 'MMR'),  # 0311
    ('The Chinese president promised closer economic ties with Kazakhstan during his visit.', 'AGREE', 'CHN', 'KAZ'),  # 0311
    ('France offered military cooperation to Mali, the defence ministry said.', 'AGREE', 'FRA', 'MLI'),  # 0312
    ('Australia pledged to hold joint naval exercises with India next year.', 'AGREE', 'AUS', 'IND'),  # 0312
    ('Kenya pledged to deepen military cooperation with Uganda.', 'AGREE', 'KEN', 'UGA'),  # 0312
    ('Egypt is ready to cooperate militarily with Libya, the Egyptian president said.', 'AGREE', 'EGY', 'LBY'),  # 0312
    ('Mexico agreed to extradite the cartel leader to the United States.', 'AGREE', 'MEX', 'USA'),  # 0313
    ('Spain promised judicial cooperation with Argentina in the investigation.', 'AGREE', 'ESP', 'ARG'),  # 0313
    ('Britain promised to share intelligence with Kenya on the al Shabaab militants.', 'AGREE', 'GBR', 'KEN'),  # 0314
    ('Canada pledged diplomatic support for Ukraine.', 'AGREE', 'CAN', 'UKR'),  # 032
    ("Egypt said it would back Saudi Arabia's bid at the United Nations.", 'AGREE', 'EGY', 'SAU'),  # 032
    ('The European Union promised aid to Syrian refugees in Jordan.', 'AGREE', 'IGO', 'SYR'),  # 033
    ('Aid to Nepal was promised by India within hours of the earthquake.', 'AGREE', 'IND', 'NPL'),  # 033
    ('China pledged $5 billion in loans to Venezuela.', 'AGREE', 'CHN', 'VEN'),  # 0331
    ('The World Bank offered a $1 billion loan to Egypt on Thursday.', 'AGREE', 'IGO', 'EGY'),  # 0331
    ("Saudi Arabia's pledge of $4 billion to Egypt was announced on Sunday.", 'AGREE', 'SAU', 'EGY'),  # 0331
    ('The United States pledged military aid to Ukraine.', 'AGREE', 'USA', 'UKR'),  # 0332
    ('Russia offered to supply Iraq with fighter jets.', 'AGREE', 'RUS', 'IRQ'),  # 0332
    ('Washington will provide Jordan with military equipment, the Pentagon said on Tuesday.', 'AGREE', 'USA', 'JOR'),  # 0332
    ('Britain pledged humanitarian aid to Nepal after the quake.', 'AGREE', 'GBR', 'NPL'),  # 0333
    ('The Japanese government pledged $10 million in emergency relief for the Philippines.', 'AGREE', 'JPN', 'PHL'),  # 0333
    ('Rwanda offered to send peacekeepers to the Central African Republic.', 'AGREE', 'RWA', 'CAF'),  # 0334
    ('Pakistan promised to contribute troops to the African Union force in Somalia.', 'AGREE', 'PAK', None),  # 0334
    ('Britain will send troops to help UN peacekeepers in South Sudan, the defence secretary said.', 'AGREE', 'GBR', None),  # 0334
    ('The Egyptian president promised political reforms.', 'AGREE', 'EGY', None),  # 034
    ('The Burkinabe president vowed to step down after the election.', 'AGREE', 'BFA', None),  # 0341
    ('The Yemeni president agreed to hand over power within 30 days.', 'AGREE', 'YEM', None),  # 0341
    ('Cuba pledged to change its economic policies.', 'AGREE', 'CUB', None),  # 0342
    ('Greece committed to economic reforms in return for the bailout.', 'AGREE', 'GRC', None),  # 0342
    ('The Saudi government promised to grant women the right to drive.', 'AGREE', 'SAU', None),  # 0343
    ('The Thai junta pledged to restore democracy next year.', 'AGREE', 'THA', None),  # 0344
    ('Israel offered to ease its blockade of Gaza.', 'AGREE', 'ISR', None),  # 035
    ('The Egyptian government promised to lift the state of emergency.', 'AGREE', 'EGY', None),  # 0351
    ('Iran promised to release the detained British sailors.', 'AGREE', 'IRN', 'GBR'),  # 0353
    ('Israel agreed to free 26 Palestinian prisoners.', 'AGREE', 'ISR', 'PSE'),  # 0353
    ('Houthi rebels promised to free the Saudi captives, Yemeni officials said.', 'AGREE', 'YEM', 'SAU'),  # 0353
    ('The Houthis offered to release the Saudi pilots in exchange for prisoners.', 'AGREE', 'YEM', 'SAU'),  # 0353
    ('The European Union pledged to lift sanctions on Iran.', 'AGREE', 'IGO', 'IRN'),  # 0354
    ('Washington offered to ease sanctions on Myanmar.', 'AGREE', 'USA', 'MMR'),  # 0354
    ('Washington vowed to ease its embargo on Cuba.', 'AGREE', 'USA', 'CUB'),  # 0354
    ('Sudan agreed to allow UN peacekeepers into Darfur.', 'AGREE', 'SDN', 'IGO'),  # 0355
    ('Russia promised to withdraw its troops from the Ukrainian border.', 'AGREE', 'RUS', None),  # 0356
    ('India and Pakistan agreed to a ceasefire along the Kashmir border.', 'AGREE', 'IND', None),  # 0356
    ('Azerbaijan and Armenia agreed to reduce tension on the front line.', 'AGREE', 'AZE', None),  # 0356
    ('Iran said it was ready to hold talks with Saudi Arabia.', 'AGREE', 'IRN', 'SAU'),  # 036
    ('North Korea offered talks with South Korea.', 'AGREE', 'PRK', 'KOR'),  # 036
    ('The Colombian government agreed to open peace talks with the ELN rebels.', 'AGREE', 'COL', 'COL'),  # 036
    ('Israel said on Sunday it was prepared to negotiate with the Palestinians without preconditions.', 'AGREE', 'ISR', 'PSE'),  # 036
    ("Cuba's offer of talks with the United States was welcomed by Washington.", 'AGREE', 'CUB', 'USA'),  # 036
    ('Ethiopia and Eritrea pledged to settle their border dispute.', 'AGREE', 'ETH', None),  # 037
    ('Armenia said it was willing to resolve the conflict with Azerbaijan.', 'AGREE', 'ARM', 'AZE'),  # 037
    ('Bolivia and Chile pledged to end their row over sea access.', 'AGREE', 'BOL', None),  # 037
    ('Venezuela accepted Vatican mediation in its talks with the opposition.', 'AGREE', 'VEN', 'VAT'),  # 038
    ('Sudan agreed to African Union mediation with South Sudan.', 'AGREE', 'SDN', 'IGO'),  # 038
    ('The Sudanese government accepted an offer of mediation from Qatar.', 'AGREE', 'SDN', 'QAT'),  # 038
    ('Qatar offered to mediate between Somalia and Kenya.', 'AGREE', 'QAT', 'SOM'),  # 039
    ('Norway offered to mediate in the dispute between Colombia and Venezuela.', 'AGREE', 'NOR', 'COL'),  # 039
    ('Turkey offered to broker talks between Israel and Syria.', 'AGREE', 'TUR', 'ISR'),  # 039
    ("Algeria's offer to mediate between Mali and the rebels was accepted.", 'AGREE', 'DZA', 'MLI'),  # 039
    # 04 CONSULT
    ('The Indian prime minister met the Chinese president in Beijing.', 'CONSULT', 'IND', 'CHN'),  # 040
    ('The Saudi foreign minister held talks with his Iranian counterpart on Tuesday.', 'CONSULT', 'SAU', 'IRN'),  # 040
    ('Talks between Serbia and Kosovo ended without agreement in Brussels.', 'CONSULT', 'SRB', None),  # 040
    ('The Iraqi prime minister met with the Iranian president on Sunday.', 'CONSULT', 'IRQ', 'IRN'),  # 040
    ('The Afghan president consulted Pakistani leaders on the peace process.', 'CONSULT', 'AFG', 'PAK'),  # 040
    ('The Russian president spoke by telephone with the Turkish president on Tuesday.', 'CONSULT', 'RUS', 'TUR'),  # 041
    ('The French president phoned the Iranian president to discuss the nuclear deal.', 'CONSULT', 'FRA', 'IRN'),  # 041
    ('The Japanese prime minister held a telephone conversation with the South Korean president.', 'CONSULT', 'JPN', 'KOR'),  # 041
    ('Putin and Erdogan discuss Syria by phone', 'CONSULT', 'RUS', None),  # 041
    ('The Egyptian president telephoned the Palestinian president on Saturday.', 'CONSULT', 'EGY', 'PSE'),  # 041
    ('The Chinese foreign minister visited Pakistan on Wednesday.', 'CONSULT', 'CHN', 'PAK'),  # 042
    ('The German chancellor arrived in Athens for talks with the Greek government.', 'CONSULT', 'DEU', 'GRC'),  # 042
    ('The Indian prime minister paid a state visit to Israel.', 'CONSULT', 'IND', 'ISR'),  # 042
    ('The Pakistani army chief travelled to Kabul for talks with Afghan leaders.', 'CONSULT', 'PAK', 'AFG'),  # 042
    ('Modi arrives in Dhaka on first visit to Bangladesh', 'CONSULT', 'IND', 'BGD'),  # 042
    ('Egypt hosted the Sudanese president in Cairo.', 'CONSULT', 'EGY', 'SDN'),  # 043
    ('The Saudi king received the Pakistani prime minister in Riyadh.', 'CONSULT', 'SAU', 'PAK'),  # 043
    ('The Nigerian president was received by the French president at the Elysee Palace.', 'CONSULT', 'FRA', 'NGA'),  # 043
    ("Vietnam's president was welcomed by the Japanese prime minister in Tokyo.", 'CONSULT', 'JPN', 'VNM'),  # 043
    ('Iranian and American negotiators met in Geneva.', 'CONSULT', 'IRN', None),  # 044
    ('The foreign ministers of Iran and Saudi Arabia met in Oman.', 'CONSULT', 'IRN', None),  # 044
    ('Algeria mediated between the Malian government and Tuareg rebels.', 'CONSULT', 'DZA', 'MLI'),  # 045
    ('Kuwait has been mediating between Qatar and its Gulf neighbours.', 'CONSULT', 'KWT', 'QAT'),  # 045
    ('The African Union mediated talks between Sudan and South Sudan in Addis Ababa.', 'CONSULT', 'IGO', 'SDN'),  # 045
    ('Iran negotiated with six world powers over its nuclear programme.', 'CONSULT', 'IRN', None),  # 046
    ('Greece and its creditors resumed negotiations on a bailout in Brussels.', 'CONSULT', 'GRC', None),  # 046
    ('Britain negotiated with the European Union over its membership terms.', 'CONSULT', 'GBR', 'IGO'),  # 046
    ('Negotiations between Cuba and the United States resumed in Havana.', 'CONSULT', 'CUB', None),  # 046
    ('Ukraine and Russia began negotiations on gas prices in Brussels.', 'CONSULT', 'UKR', None),  # 046
    ('Argentina opened talks with its creditors in New York on Tuesday.', 'CONSULT', 'ARG', None),  # 046
    # 05 ENGAGE IN DIPLOMATIC COOPERATION -> SUPPORT (055 apologies are CONCEDE, manual: expressions of regret)
    ('Cuba and the United States restored diplomatic ties after five decades.', 'SUPPORT', 'CUB', None),  # 050
    ('Israel and Turkey upgraded diplomatic relations.', 'SUPPORT', 'ISR', None),  # 050
    ('Bahrain established diplomatic relations with Israel.', 'SUPPORT', 'BHR', 'ISR'),  # 050
    ('The United States praised Nigeria for holding peaceful elections.', 'SUPPORT', 'USA', 'NGA'),  # 051
    ("Moscow endorsed Egypt's plan for a Syrian peace conference.", 'SUPPORT', 'RUS', 'EGY'),  # 051
    ('The Chinese foreign ministry praised Pakistan for its counterterrorism efforts.', 'SUPPORT', 'CHN', 'PAK'),  # 051
    ('Egypt welcomed the Saudi decision to restore ties with Qatar.', 'SUPPORT', 'EGY', 'SAU'),  # 051
    ("Turkey's backing for Azerbaijan was welcomed in Baku.", 'SUPPORT', 'TUR', 'AZE'),  # 051
    ('The French president commended Tunisia for its democratic transition.', 'SUPPORT', 'FRA', 'TUN'),  # 051
    ('The Moroccan peace plan was endorsed by the United States.', 'SUPPORT', 'USA', 'MAR'),  # 051
    ('China defended Pakistan at the United Nations against Indian criticism.', 'SUPPORT', 'CHN', 'PAK'),  # 052
    ("Beijing defended Pyongyang's right to a civilian space programme.", 'SUPPORT', 'CHN', 'PRK'),  # 052
    ("The Iranian foreign minister defended Syria's government against Western criticism.", 'SUPPORT', 'IRN', 'SYR'),  # 052
    ('Venezuela rallied support for Cuba at the summit.', 'SUPPORT', 'VEN', 'CUB'),  # 053
    ('Egypt drummed up Arab support for the Palestinian bid for UN membership.', 'SUPPORT', 'EGY', 'PSE'),  # 053
    ('Saudi Arabia rallied Gulf states behind Bahrain.', 'SUPPORT', 'SAU', 'BHR'),  # 053
    ('Sweden recognised the state of Palestine on Thursday.', 'SUPPORT', 'SWE', 'PSE'),  # 054
    ('Recognition of Kosovo by Serbia remains unlikely, but Spain extended diplomatic recognition to South Sudan.', 'SUPPORT', 'ESP', 'SSD'),  # 054
    ('Russia recognised the independence of Abkhazia and South Ossetia in 2008.', 'SUPPORT', 'RUS', None),  # 054
    ('Diplomatic recognition of Somaliland by Ethiopia would anger Mogadishu.', 'SUPPORT', 'ETH', None),  # 054
    ('Uruguay became the latest country to recognise Palestine.', 'SUPPORT', 'URY', 'PSE'),  # 054
    ('Japan apologised to South Korea for its wartime abuses.', 'CONCEDE', 'JPN', 'KOR'),  # 055
    ('The Dutch government issued an apology to Indonesia.', 'CONCEDE', 'NLD', 'IDN'),  # 055
    ('The German president apologised to Namibia for colonial-era killings.', 'CONCEDE', 'DEU', 'NAM'),  # 055
    ('Australia offered an apology to Indonesia over the spying row.', 'CONCEDE', 'AUS', 'IDN'),  # 055
    ("Turkey's apology to Russia for the downing of the jet was accepted by Moscow.", 'CONCEDE', 'TUR', 'RUS'),  # 055
    ('Rwanda forgave France for its role in the genocide, the foreign minister said.', 'SUPPORT', 'RWA', 'FRA'),  # 056
    ('The Vietnamese president said his country had forgiven the United States.', 'SUPPORT', 'VNM', 'USA'),  # 056
    ('The Cambodian government forgave Thailand for the border clashes.', 'SUPPORT', 'KHM', 'THA'),  # 056
    ('The Rwandan president said his country had forgiven Belgium.', 'SUPPORT', 'RWA', 'BEL'),  # 056
]

# senses added in this round must not take over a word's other readings
NOT_OVEREXTENDED = [
    # CAMEO 011 "decline comment" is a statement, not a rejection
    ("A spokesman for the German government declined comment on Tuesday.", "REJECT"),
    ("The Serbian foreign ministry refused comment on the report.", "REJECT"),
    # "resolve" is a settlement only with a dispute as its object
    ("Engineers resolved the technical problem at the plant.", "AGREE"),
    ("The Kenyan president resolved to step up the fight against corruption.", "AGREE"),
    # "welcome" hosts a visit only with a leader or delegation as its object
    ("Germany welcomed the Greek prime minister's resignation.", "CONSULT"),
    ("The Egyptian president welcomed the Saudi decision to restore ties with Qatar.", "CONSULT"),
    ("Jordan welcomed Syrian refugees.", "CONSULT"),
    # "provide X with Y" is aid only when Y is
    ("The witness provided the court with evidence.", "AID"),
    # "work with" is cooperation only between parties
    ("The charity works with street children in Nairobi.", "COOPERATE"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, type_, actor, recipient", CASES, ids=[c[0][:40] for c in CASES])
def test_cameo_roles(pipeline, text, type_, actor, recipient):
    check_role(pipeline, text, PUBLISHED, type_, actor, recipient)


@pytest.mark.model
@pytest.mark.parametrize("text, wrong", NOT_OVEREXTENDED, ids=[c[0][:40] for c in NOT_OVEREXTENDED])
def test_sense_not_overextended(pipeline, text, wrong):
    check_not_overextended(pipeline, text, PUBLISHED, wrong)


@pytest.mark.model
def test_offer_of_aid_is_an_intent(pipeline):
    # PLOVER AGREE: "agree to, offer, promise ... to cooperate" -- an offered loan is not yet aid given
    article = pipeline.process("The World Bank offered a $1 billion loan to Egypt on Thursday.", published=PUBLISHED)
    assert "AGREE" in [e.type for e in article.events]
    assert not [e for e in article.events if e.type == "AID" and e.modality == "asserted"], \
        [(e.type, e.trigger.text, e.modality) for e in article.events]
