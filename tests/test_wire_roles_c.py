"""Wire role round C: PLOVER COOPERATE, AID, RETREAT, MOBILIZE, COERCE and ASSAULT, checked for
event type AND roles.

The sentences were written for the project in the manner of wire copy of 1985-2005 (Reuters, AP,
AFP): reporting frames ("..., the official news agency said on Tuesday"), titles and names,
capitals for governments, appositions, possessives, relative clauses, passives, nominalisations
("the withdrawal of Cuban troops from Angola"), conditionals and intentions, domestic events and
international bodies; none is taken from a gold file.  Each case is (text, PLOVER type, actor,
recipient): some event of the sentence has the type, its actors include the actor and its
recipients the recipient, where an actor is matched by its country, or by its catalogue name
when it has none (an international body); None is not checked.  A domestic event (a government
acting at home) has the same country as actor and recipient; a place that is the target
("attacked the town of Kenema") gives its country.  The negative cases check that the senses
added in this round did not take over a word's common other reading.
"""
from __future__ import annotations

import pytest

from tests.roles import check_not_overextended, check_role

PUBLISHED = "1995-06-01"

# (text, PLOVER type, actor ISO3 or catalogue name or None, recipient ISO3 or catalogue name or None)
CASES = [
    # COOPERATE
    ('Spain extradited two suspected Basque guerrillas to France on Thursday, the Interior Ministry said.', 'COOPERATE', 'ESP', 'FRA'),
    ('Britain and Ireland will share intelligence on IRA suspects under an accord signed in London on Friday, officials said.', 'COOPERATE', 'GBR', None),
    ('Egypt has agreed to cooperate with Israel in fighting drug smuggling across the Sinai, the Middle East News Agency reported.', 'COOPERATE', 'EGY', 'ISR'),
    ('Foreign Minister Hans van den Broek said the Netherlands would work closely with Belgium to track down arms smugglers.', 'COOPERATE', 'NLD', 'BEL'),
    ('Washington handed over a suspected drug trafficker to Colombian authorities on Wednesday, the Justice Department said.', 'COOPERATE', 'USA', 'COL'),
    ('Thailand and Malaysia launched joint patrols along their common border to curb smuggling, Thai army officials said.', 'COOPERATE', 'THA', None),
    ("Japan's Foreign Ministry said Tokyo would cooperate with Seoul in the investigation into the airliner bombing.", 'COOPERATE', 'JPN', 'KOR'),
    ('The Indonesian government has formed a joint commission with Australia to oversee oil exploration in the Timor Gap, the Antara news agency said.', 'COOPERATE', 'IDN', 'AUS'),
    ('Interpol said on Tuesday it was cooperating with German police in the hunt for the kidnappers.', 'COOPERATE', 'Interpol', 'DEU'),
    ('Moscow and Kiev agreed to pool intelligence on organised crime, the Ukrainian news agency said.', 'COOPERATE', 'RUS', None),
    ('Syrian and Lebanese troops carried out a joint operation against drug growers in the Bekaa Valley, a Lebanese security source said.', 'COOPERATE', 'SYR', None),
    ('Chancellor Helmut Kohl said Germany would step up its economic cooperation with Poland, which he visited on Monday.', 'COOPERATE', 'DEU', 'POL'),
    ('The extradition of a former Nazi officer from Argentina to Italy was approved by an Argentine court on Wednesday.', 'COOPERATE', 'ARG', 'ITA'),
    ('French and Spanish police, working together, arrested three suspected ETA members near the border, French officials said.', 'COOPERATE', 'FRA', None),
    # AID
    ('The European Community will send 50,000 tonnes of food aid to Ethiopia to help victims of the drought, an EC spokesman said in Brussels on Tuesday.', 'AID', 'European Union', 'ETH'),
    ('Japan granted Poland a $500 million loan on Friday, the Finance Ministry said.', 'AID', 'JPN', 'POL'),
    ('The International Monetary Fund approved a $1.2 billion loan to Mexico on Wednesday to shore up the peso.', 'AID', 'International Monetary Fund', 'MEX'),
    ('US Air Force planes airlifted food and medicine to Kurdish refugees in northern Iraq, Pentagon officials said.', 'AID', 'USA', 'IRQ'),
    ('Saudi Arabia has given Jordan $200 million to ease its budget deficit, the Jordanian news agency Petra reported.', 'AID', 'SAU', 'JOR'),
    ('Washington sent military advisers to El Salvador to help the army fight leftist guerrillas, a US embassy spokesman said.', 'AID', 'USA', 'SLV'),
    ('Libya is supplying weapons to rebels in Chad, the Chadian government charged on Monday.', 'AID', 'LBY', 'TCD'),
    ('The World Bank lent Ghana $150 million for road building, the bank said on Thursday.', 'AID', 'World Bank', 'GHA'),
    ("Iran has been arming Shi'ite Hezbollah guerrillas in southern Lebanon, Israeli officials said.", 'AID', 'IRN', 'LBN'),
    ('Greek fishermen rescued 40 Albanian refugees from a sinking boat off Corfu, the merchant marine ministry said.', 'AID', 'GRC', 'ALB'),
    ('China has provided Pakistan with technical assistance for its nuclear power plant at Chashma, a Pakistani official said.', 'AID', 'CHN', 'PAK'),
    ('The Organisation of African Unity said it would send peacekeepers to Burundi if the government requested them.', 'AID', 'Organization of African Unity', 'BDI'),
    ('Relief supplies were flown to Somalia by American transport planes on Friday, the Pentagon said.', 'AID', 'USA', 'SOM'),
    ('Under the agreement, the IMF will provide Russia with a $6.8 billion loan, Fund officials said in Washington.', 'AID', 'International Monetary Fund', 'RUS'),
    ('The Arab League said it would send a peacekeeping force to Lebanon unless the fighting stopped.', 'AID', 'Arab League', 'LBN'),
    ('Sweden donated $20 million to the Palestinian Authority for police salaries, the Swedish foreign ministry said.', 'AID', 'SWE', 'PSE'),
    # RETREAT
    ('Vietnam said on Tuesday it had pulled its last troops out of Cambodia.', 'RETREAT', 'VNM', 'KHM'),
    ('Iraqi forces withdrew from Kuwait City on Monday as allied troops advanced, US military officials said.', 'RETREAT', 'IRQ', 'KWT'),
    ('Israel released 400 Lebanese prisoners from the Khiam detention centre, the Israeli army said.', 'RETREAT', 'ISR', 'LBN'),
    ('Hezbollah guerrillas freed an American hostage in Beirut on Wednesday, the Iranian news agency IRNA reported.', 'RETREAT', 'LBN', 'USA'),
    ('Prime Minister Tansu Ciller said Turkey would withdraw its troops from northern Iraq once the operation against Kurdish rebels was over.', 'RETREAT', 'TUR', 'IRQ'),
    ('Peru returned 14 Ecuadorean fishing boats seized off its coast, the Peruvian foreign ministry said.', 'RETREAT', 'PER', 'ECU'),
    ("Armenian forces have abandoned the town of Agdam, Azerbaijan's defence ministry said on Friday.", 'RETREAT', 'ARM', 'AZE'),
    ('Under the accord, Russia will pull its troops out of Estonia by August 31, President Boris Yeltsin said.', 'RETREAT', 'RUS', 'EST'),
    ('Argentine forces in the Falklands surrendered to British troops on Monday, the Ministry of Defence said in London.', 'RETREAT', 'ARG', 'GBR'),
    ('The Chinese government released a prominent dissident who had been jailed since the 1989 Tiananmen Square protests, the Xinhua news agency said.', 'RETREAT', 'CHN', 'CHN'),
    ('The withdrawal of Cuban troops from Angola, which began in January, was completed on Tuesday, Angolan radio said.', 'RETREAT', 'CUB', 'AGO'),
    ("Rebels of the Sudan People's Liberation Army released 12 aid workers they had held for a month, the United Nations said.", 'RETREAT', 'SDN', None),
    ('Syria reopened its border with Jordan on Sunday after a two-year closure, the Jordanian news agency Petra said.', 'RETREAT', 'SYR', 'JOR'),
    # MOBILIZE
    ('Iraq has massed about 100,000 troops on its border with Kuwait, a senior Pentagon official said on Tuesday.', 'MOBILIZE', 'IRQ', 'KWT'),
    ('India moved two army divisions to its border with Pakistan, Pakistani officials said.', 'MOBILIZE', 'IND', 'PAK'),
    ('The United States deployed F-117 stealth fighters to Saudi Arabia on Sunday, the Defense Department said.', 'MOBILIZE', 'USA', 'SAU'),
    ('Greece put its armed forces on alert after Turkish warships entered disputed waters in the Aegean, a government spokesman said.', 'MOBILIZE', 'GRC', None),
    ('North Korea test-fired a new medium-range missile into the Sea of Japan, Japanese defence officials said.', 'MOBILIZE', 'PRK', None),
    ('Turkey has called up reservists and reinforced its troops along the Iraqi border, the Anatolian news agency said.', 'MOBILIZE', 'TUR', None),
    ('The Chinese army staged large-scale military exercises off the coast of Taiwan, the Xinhua news agency said.', 'MOBILIZE', 'CHN', 'TWN'),
    ("Britain dispatched a naval task force to the South Atlantic after Argentina's invasion of the Falklands.", 'MOBILIZE', 'GBR', None),
    ("The Russian army has stationed extra troops in Abkhazia, Georgia's defence minister said.", 'MOBILIZE', 'RUS', 'GEO'),
    ('Pakistan placed its army on high alert after Indian troops massed near the Line of Control, a Pakistani army spokesman said.', 'MOBILIZE', 'PAK', None),
    ("Nigeria sent troops to the disputed Bakassi peninsula, Cameroon's government said on Tuesday.", 'MOBILIZE', 'NGA', None),
    ('Iran staged naval manoeuvres near the Strait of Hormuz, Tehran radio said.', 'MOBILIZE', 'IRN', None),
    ('The deployment of 5,000 Syrian troops in Beirut was welcomed by the Lebanese government.', 'MOBILIZE', 'SYR', 'LBN'),
    # COERCE
    ('Kenyan police arrested 40 opposition supporters after a rally in Nairobi on Saturday, witnesses said.', 'COERCE', 'KEN', 'KEN'),
    ('The military government of Nigeria banned three independent newspapers on Friday, accusing them of inciting unrest.', 'COERCE', 'NGA', 'NGA'),
    ('South African police detained hundreds of black activists under the state of emergency, a civil rights group said.', 'COERCE', 'ZAF', 'ZAF'),
    ('Indian troops imposed a curfew on Srinagar after a night of violence, police said.', 'COERCE', 'IND', 'IND'),
    ('Israel deported 415 Palestinians to southern Lebanon on Thursday, the army said.', 'COERCE', 'ISR', 'PSE'),
    ("Burma's military government placed opposition leader Aung San Suu Kyi under house arrest in July 1989.", 'COERCE', 'MMR', 'MMR'),
    ('Zambia expelled 30 Zairean traders from the Copperbelt, the Zambian interior minister said.', 'COERCE', 'ZMB', 'COD'),
    ('Moscow imposed an economic blockade on Lithuania in April to force it to drop its declaration of independence.', 'COERCE', 'RUS', 'LTU'),
    ('The Algerian authorities dissolved the Islamic Salvation Front on Wednesday, the official APS news agency said.', 'COERCE', 'DZA', 'DZA'),
    ('Turkish security forces raided the offices of a pro-Kurdish newspaper in Istanbul and detained 15 journalists.', 'COERCE', 'TUR', 'TUR'),
    ("Army officers overthrew the elected government of Haiti's President Jean-Bertrand Aristide on Monday, Haitian radio said.", 'COERCE', 'HTI', 'HTI'),
    ('Sri Lankan troops have rounded up hundreds of Tamil youths in Jaffna, a Tamil politician said.', 'COERCE', 'LKA', 'LKA'),
    ('Hundreds of students were arrested by riot police in Jakarta during protests against President Suharto, witnesses said.', 'COERCE', 'IDN', 'IDN'),
    # ASSAULT
    ('Israeli warplanes bombed suspected guerrilla bases in southern Lebanon, the Israeli army said.', 'ASSAULT', 'ISR', 'LBN'),
    ('Iraqi forces invaded Kuwait before dawn on Thursday, Kuwaiti officials said.', 'ASSAULT', 'IRQ', 'KWT'),
    ('Tamil Tiger rebels attacked an army camp near Jaffna on Sunday, killing 20 soldiers, the defence ministry said.', 'ASSAULT', 'LKA', 'LKA'),
    ('Armenian forces captured the Azerbaijani town of Lachin, the Azerbaijani news agency said.', 'ASSAULT', 'ARM', 'AZE'),
    ('Indian troops opened fire on Pakistani positions across the Line of Control, a Pakistani military spokesman said.', 'ASSAULT', 'IND', 'PAK'),
    ('Rebels of the Revolutionary United Front attacked the town of Kenema in Sierra Leone, the government said.', 'ASSAULT', 'SLE', 'SLE'),
    ("Ethiopian jets bombed the Eritrean capital Asmara on Friday, Eritrea's information ministry said.", 'ASSAULT', 'ETH', 'ERI'),
    ('NATO warplanes struck Bosnian Serb ammunition depots near Pale, a NATO spokesman said.', 'ASSAULT', 'NATO', 'BIH'),
    ('Hutu militiamen killed hundreds of Tutsi civilians in a church near Kigali, aid workers said.', 'ASSAULT', 'RWA', 'RWA'),
    ("Iraq's invasion of Kuwait was condemned by the Arab League at an emergency summit in Cairo.", 'ASSAULT', 'IRQ', 'KWT'),
    ('Two Greek Cypriot demonstrators were shot dead by Turkish troops in the buffer zone, the Cyprus government said.', 'ASSAULT', 'TUR', 'CYP'),
    ('Contra rebels ambushed a government convoy in northern Nicaragua, the Defence Ministry said.', 'ASSAULT', 'NIC', 'NIC'),
]

NOT_OVEREXTENDED = [
    # "pull ... out" of troops is a retreat; of survivors, goods or observers it is not
    ("Rescuers pulled survivors out of the rubble after the earthquake.", "RETREAT"),
    ("The company pulled its products out of the Chinese market.", "RETREAT"),
    ("Russia pulled its observers out of Georgia.", "RETREAT"),
    # only a naval or armed force sent is a mobilisation
    ("The United Nations sent a task force to investigate the fraud.", "MOBILIZE"),
    ("The United Nations sent a peacekeeping force to Cyprus.", "MOBILIZE"),
    # a movement dissolving on its own is not dissolved by a state
    ("The movement dissolved into rival factions after the election.", "COERCE"),
    # releasing a record is not releasing a dissident
    ("The record company released a new album by the dissident singer.", "RETREAT"),
    # released aid workers are freed captives, not aid
    ("The rebels released 12 aid workers.", "AID"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, type_, actor, recipient", CASES, ids=[c[0][:40] for c in CASES])
def test_wire_roles(pipeline, text, type_, actor, recipient):
    check_role(pipeline, text, PUBLISHED, type_, actor, recipient)


@pytest.mark.model
@pytest.mark.parametrize("text, wrong", NOT_OVEREXTENDED, ids=[c[0][:40] for c in NOT_OVEREXTENDED])
def test_sense_not_overextended(pipeline, text, wrong):
    check_not_overextended(pipeline, text, PUBLISHED, wrong)
