"""Roles for CAMEO root codes 16-20 (reduce relations, coerce, assault, fight, unconventional
mass violence): the coder must get the PLOVER type, the doer's country and the target's country.

The sentences were written for the project in the manner of wire copy (Reuters/AP style); none is
taken from a gold file.  Each row names the CAMEO code (3- or 4-digit, per CAMEO2PLOVER-2021) whose
concept it phrases; constructions vary (active, passive, nominal, light verbs, coordinated actors,
headline style, reporting frames, dates).  Human shields (CAMEO 184) stay COERCE restrict, as
the project codes them; holding hostages (CAMEO 181) is ASSAULT abduct, like taking them.
Charges (CAMEO 173 "charge with legal action") are PLOVER ACCUSE (manual: "sue, indict, or
charge").  A None actor or recipient is not checked (an
international body, which has no country code, or a place the coder does not turn into a party).
The negative cases check that the senses added in this round did not take over a word's common
other reading.
"""
from __future__ import annotations

import pytest

from tests.roles import check_not_overextended, check_role

PUBLISHED = "2015-10-27"

# (text, PLOVER type, actor ISO3 or None, recipient ISO3 or None)
CASES = [
    ('Rwanda downgraded its diplomatic relations with Belgium on Monday.', 'SANCTION', 'RWA', 'BEL'),  # 160
    ('Morocco scaled back ties with Germany after a row over Western Sahara.', 'SANCTION', 'MAR', 'DEU'),  # 160
    ('On March 3, Djibouti cut diplomatic ties with Eritrea.', 'SANCTION', 'DJI', 'ERI'),  # 161
    ('Saudi Arabia severed diplomatic ties with Iran on Sunday.', 'SANCTION', 'SAU', 'IRN'),  # 161
    ('Bahrain and the United Arab Emirates cut diplomatic relations with Qatar.', 'SANCTION', 'BHR', 'QAT'),  # 161
    ('Colombia broke off relations with Venezuela, the foreign ministry said on Tuesday.', 'SANCTION', 'COL', 'VEN'),  # 161
    ('The Netherlands suspended aid to Burundi after the disputed election.', 'SANCTION', 'NLD', 'BDI'),  # 162
    ("Britain's decision to cut aid to Uganda drew criticism from charities.", 'SANCTION', 'GBR', 'UGA'),  # 162
    ('The World Bank froze loans to Mozambique over hidden debts.', 'SANCTION', None, 'MOZ'),  # 1621
    ('Japan halted economic assistance to Myanmar after the coup.', 'SANCTION', 'JPN', 'MMR'),  # 1621
    ('Washington suspended military aid to Egypt on Wednesday.', 'SANCTION', 'USA', 'EGY'),  # 1622
    ('Germany stopped arms exports to Turkey over its offensive in Syria.', 'SANCTION', 'DEU', 'TUR'),  # 1622
    ('Sweden cut off humanitarian funding to Somalia, Swedish officials said.', 'SANCTION', 'SWE', 'SOM'),  # 1623
    ('Humanitarian aid to Yemen was halted by Saudi Arabia.', 'SANCTION', 'SAU', 'YEM'),  # 1623
    ('Turkey imposed an embargo on Armenian goods.', 'SANCTION', 'TUR', 'ARM'),  # 163
    ('Britain and France announced new sanctions against Iran on Thursday.', 'SANCTION', 'GBR', 'IRN'),  # 163
    ('The European Union imposed sanctions on Belarus on Friday.', 'SANCTION', None, 'BLR'),  # 163
    ('The United States slapped an arms embargo on South Sudan.', 'SANCTION', 'USA', 'SSD'),  # 163
    ("Canada's sanctions against Russian banks took effect on Monday.", 'SANCTION', 'CAN', 'RUS'),  # 163
    ("Washington's suspension of trade talks with Beijing rattled markets.", 'SANCTION', 'USA', 'CHN'),  # 164
    ('Israel suspended peace talks with the Palestinians, an Israeli official said.', 'SANCTION', 'ISR', 'PSE'),  # 164
    ('Greece broke off negotiations with Turkey over the Aegean dispute.', 'SANCTION', 'GRC', 'TUR'),  # 164
    ('Qatar suspended its mediation between Israel and Hamas on Saturday.', 'SANCTION', 'QAT', None),  # 165
    ('Norway withdrew as mediator in the talks between Colombia and the rebels.', 'SANCTION', 'NOR', None),  # 165
    ('Kenya expels two Somali diplomats', 'SANCTION', 'KEN', 'SOM'),  # 166
    ('Australia and New Zealand recalled their ambassadors from Fiji after the coup.', 'SANCTION', 'AUS', 'FJI'),  # 166
    ('Poland expelled two Russian diplomats on Thursday.', 'SANCTION', 'POL', 'RUS'),  # 166
    ('France recalled its ambassador to Australia after the submarine deal collapsed.', 'SANCTION', 'FRA', 'AUS'),  # 166
    ("Germany's expulsion of two Russian diplomats angered Moscow.", 'SANCTION', 'DEU', 'RUS'),  # 166
    ('The Dutch ambassador was expelled by Turkey.', 'SANCTION', 'TUR', 'NLD'),  # 166
    ('Mali ordered UN peacekeepers to leave the country.', 'SANCTION', 'MLI', None),  # 1661
    ('Ukraine withdrew its peacekeepers from Congo.', 'SANCTION', 'UKR', 'COD'),  # 1661
    ('North Korea expelled UN nuclear inspectors on Tuesday.', 'SANCTION', 'PRK', None),  # 1662
    ('Russia pulled its observers out of Georgia.', 'SANCTION', 'RUS', 'GEO'),  # 1662
    ('Pakistan ordered 18 international aid agencies to leave the country.', 'SANCTION', 'PAK', None),  # 1663
    ('Sudan expelled foreign aid agencies from Darfur.', 'SANCTION', 'SDN', None),  # 1663
    ('Chinese authorities forced Tibetan monks to leave the monastery.', 'COERCE', 'CHN', None),  # 170
    ('Iranian police cracked down on Kurdish activists.', 'COERCE', 'IRN', 'IRN'),  # 170
    ('Venezuelan authorities seized the assets of an American oil company.', 'COERCE', 'VEN', 'USA'),  # 171
    ('Russia seized three Ukrainian navy ships in the Kerch Strait.', 'COERCE', 'RUS', 'UKR'),  # 171
    ('Egyptian police confiscated the equipment of Qatari journalists.', 'COERCE', 'EGY', 'QAT'),  # 1711
    ('Russian troops destroyed Ukrainian grain depots in Odesa.', 'ASSAULT', 'RUS', 'UKR'),  # 1712
    ('Israeli troops demolished the homes of two Palestinian attackers.', 'ASSAULT', 'ISR', 'PSE'),  # 1712
    ('Myanmar soldiers burned Rohingya villages in Rakhine state.', 'ASSAULT', 'MMR', None),  # 1712
    ('Turkish authorities suspended 15,000 teachers after the coup attempt.', 'COERCE', 'TUR', 'TUR'),  # 172
    ('Hungary shut down a Russian-backed bank.', 'COERCE', 'HUN', None),  # 172
    ('Ethiopia shut down the internet across the country.', 'COERCE', 'ETH', None),  # 1721
    ('Russia blocked access to Facebook and Twitter on Friday.', 'COERCE', 'RUS', None),  # 1721
    ('Pakistani authorities censored a British newspaper.', 'COERCE', 'PAK', 'GBR'),  # 1721
    ("Cambodia's supreme court dissolved the main opposition party.", 'COERCE', 'KHM', 'KHM'),  # 1722
    ("Thailand's constitutional court banned the main opposition party.", 'COERCE', 'THA', 'THA'),  # 1722
    ('Egypt outlawed the Muslim Brotherhood on Wednesday.', 'COERCE', 'EGY', None),  # 1722
    ('Indian authorities imposed a curfew in Kashmir on Saturday.', 'COERCE', 'IND', None),  # 1723
    ('Kenyan police imposed a curfew on Mombasa.', 'COERCE', 'KEN', None),  # 1723
    ('Sri Lanka declared a nationwide curfew after the bombings.', 'COERCE', 'LKA', None),  # 1723
    ('The Philippine president declared martial law in Mindanao.', 'COERCE', 'PHL', None),  # 1724
    ('Ethiopia imposed a state of emergency on Sunday.', 'COERCE', 'ETH', None),  # 1724
    ('Russian prosecutors charged an American journalist with espionage.', 'ACCUSE', 'RUS', 'USA'),  # 173
    ('Turkish police detained 20 German tourists, the German foreign ministry said on Tuesday.', 'COERCE', 'TUR', 'DEU'),  # 173
    ('Two Canadian citizens were detained by Chinese police.', 'COERCE', 'CHN', 'CAN'),  # 173
    ('Hundreds of Haitian migrants were deported by the Dominican Republic.', 'COERCE', 'DOM', 'HTI'),  # 174
    ('Germany deported 50 Afghan migrants on Tuesday.', 'COERCE', 'DEU', 'AFG'),  # 174
    ("Malaysia's deportation of North Korean workers angered Pyongyang.", 'COERCE', 'MYS', 'PRK'),  # 174
    ('Syrian security forces fired on protesters in Deraa.', 'ASSAULT', 'SYR', 'SYR'),  # 175
    ('Belarusian riot police beat demonstrators in Minsk.', 'ASSAULT', 'BLR', 'BLR'),  # 175
    ('Militants attacked a police station in northern Nigeria.', 'ASSAULT', 'NGA', 'NGA'),  # 180
    ('Somali militants stormed a hotel in Mogadishu.', 'ASSAULT', 'SOM', None),  # 180
    ('Houthi rebels seized a South Korean ship in the Red Sea.', 'ASSAULT', 'YEM', 'KOR'),  # 181
    ('Boko Haram abducted more than 200 Nigerian schoolgirls.', 'ASSAULT', None, 'NGA'),  # 181
    ('Somali pirates hijacked a Greek tanker on Monday.', 'ASSAULT', 'SOM', 'GRC'),  # 181
    ('Islamic State militants held two Japanese journalists hostage in Syria.', 'ASSAULT', None, 'JPN'),  # 181
    ('Indian police beat Kashmiri protesters with batons.', 'ASSAULT', 'IND', None),  # 182
    ('A Japanese tourist was assaulted by Thai soldiers.', 'ASSAULT', 'THA', 'JPN'),  # 182
    ('Congolese troops sexually assaulted dozens of women.', 'ASSAULT', 'COD', None),  # 1821
    ('Egyptian police tortured an Italian student, prosecutors said.', 'ASSAULT', 'EGY', 'ITA'),  # 1822
    ('Libyan guards tortured Eritrean migrants in detention.', 'ASSAULT', 'LBY', 'ERI'),  # 1822
    ('Saudi agents killed the journalist inside the consulate in Istanbul.', 'ASSAULT', 'SAU', None),  # 1823
    ('Nigerian soldiers killed three Cameroonian fishermen.', 'ASSAULT', 'NGA', 'CMR'),  # 1823
    ('A bomb planted by Taliban fighters exploded in Kabul.', 'ASSAULT', 'AFG', None),  # 183
    ('Kurdish militants bombed a Turkish police station.', 'ASSAULT', None, 'TUR'),  # 183
    ('A suicide bomber killed 30 Iraqi soldiers in Ramadi.', 'ASSAULT', 'IRQ', 'IRQ'),  # 1831
    ('The Pakistani Taliban carried out a suicide bombing against a Pakistani army base.', 'ASSAULT', 'PAK', 'PAK'),  # 1831
    ('A car bomb killed 12 Afghan police officers on Tuesday.', 'ASSAULT', None, 'AFG'),  # 1832
    ('A roadside bomb killed two French soldiers in Mali.', 'ASSAULT', 'MLI', 'FRA'),  # 1833
    ('Taliban insurgents hit an American convoy with a roadside bomb.', 'ASSAULT', 'AFG', 'USA'),  # 1833
    ('Iraqi officials said the militants used civilians as human shields in Mosul.', 'COERCE', 'IRQ', 'IRQ'),  # 184
    ('Hamas used Palestinian children as human shields, the Israeli army said.', 'COERCE', 'PSE', 'PSE'),  # 184
    ('Iranian agents plotted to kill the Saudi ambassador in Washington, U.S. officials said.', 'ASSAULT', 'IRN', 'SAU'),  # 185
    ('Gunmen tried to assassinate the Haitian president.', 'ASSAULT', 'HTI', 'HTI'),  # 185
    ('Venezuela said Colombian agents attempted to assassinate its president.', 'ASSAULT', 'COL', None),  # 185
    ('A French diplomat was assassinated by gunmen in Beirut.', 'ASSAULT', 'LBN', 'FRA'),  # 186
    ('Israeli agents assassinated an Iranian nuclear scientist near Tehran.', 'ASSAULT', 'ISR', 'IRN'),  # 186
    ('The assassination of the Russian ambassador in Ankara shocked Moscow.', 'ASSAULT', None, 'RUS'),  # 186
    ('Russian troops attacked Ukrainian positions near Donetsk.', 'ASSAULT', 'RUS', 'UKR'),  # 190
    ('Ethiopian forces launched an offensive against Eritrea.', 'ASSAULT', 'ETH', 'ERI'),  # 190
    ('Saudi Arabia imposed a blockade on Qatar in June.', 'COERCE', 'SAU', 'QAT'),  # 191
    ('Armenian soldiers opened fire on Azerbaijani positions.', 'ASSAULT', 'ARM', 'AZE'),  # 193
    ('Turkish tanks shelled Kurdish positions in northern Syria.', 'ASSAULT', 'TUR', None),  # 194
    ('North Korea shelled a South Korean island on Tuesday.', 'ASSAULT', 'PRK', 'KOR'),  # 194
    ('Pakistani artillery pounded Indian border posts.', 'ASSAULT', 'PAK', 'IND'),  # 194
    ('The Saudi-led coalition launched air strikes against Houthi rebels in Yemen.', 'ASSAULT', None, 'YEM'),  # 195
    ('Israel carried out air strikes on Iranian targets in Syria.', 'ASSAULT', 'ISR', 'IRN'),  # 195
    ('Russian-backed separatists breached the truce near Mariupol, Ukraine said.', 'ASSAULT', None, None),  # 196
    ("Armenian troops violated the ceasefire on Monday, Azerbaijan's defence ministry said.", 'ASSAULT', 'ARM', None),  # 196
    ('Azerbaijan violated the ceasefire with Armenia, the Armenian defence ministry said.', 'ASSAULT', 'AZE', 'ARM'),  # 196
    ('Serb forces massacred Bosnian Muslims in Srebrenica.', 'ASSAULT', 'SRB', 'BIH'),  # 200
    ('Islamic State fighters slaughtered hundreds of Yazidis in Iraq.', 'ASSAULT', None, 'IRQ'),  # 200
    ('The mass expulsion of Asians by Uganda in 1972 ruined the economy.', 'ASSAULT', 'UGA', None),  # 201
    ('Ethiopian troops carried out a massacre of civilians in Tigray.', 'ASSAULT', 'ETH', 'ETH'),  # 202
    ('Myanmar carried out ethnic cleansing of the Rohingya, the UN said.', 'ASSAULT', 'MMR', None),  # 203
    ('Serbian forces ethnically cleansed Kosovo of Albanians.', 'ASSAULT', 'SRB', None),  # 203
    ('The Iraqi army used poison gas against Iranian troops in the 1980s.', 'ASSAULT', 'IRQ', 'IRN'),  # 204
    ('Syrian forces used chemical weapons against rebels in Ghouta.', 'ASSAULT', 'SYR', None),  # 204
    ('Syrian government helicopters dropped chlorine bombs on Aleppo.', 'ASSAULT', 'SYR', None),  # 2041
    ('The United States dropped an atomic bomb on Hiroshima in 1945.', 'ASSAULT', 'USA', None),  # 2042
    ("America's nuclear attack on Nagasaki killed tens of thousands of Japanese.", 'ASSAULT', 'USA', 'JPN'),  # 2042
]

NOT_OVEREXTENDED = [
    # troop cuts stay a de-escalation, not a reduction of relations
    ("The army scaled back its troops in the north.", "SANCTION"),
    # company lay-offs are not administrative sanctions
    ("The company sacked 500 workers after the merger.", "COERCE"),
    # a missile shield is not a human shield
    ("The United States plans to use the missile shield to protect Europe.", "ASSAULT"),
    ("The United States plans to use the missile shield to protect Europe.", "COERCE"),
    # freezing rates is monetary policy
    ("The central bank froze interest rates.", "SANCTION"),
    # a state seizing a ship is a seizure, not a hijacking
    ("The Egyptian navy seized a fishing boat.", "ASSAULT"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, type_, actor, recipient", CASES, ids=[c[0][:40] for c in CASES])
def test_cameo_roles(pipeline, text, type_, actor, recipient):
    check_role(pipeline, text, PUBLISHED, type_, actor, recipient)


@pytest.mark.model
@pytest.mark.parametrize("text, wrong", NOT_OVEREXTENDED, ids=[c[0][:40] for c in NOT_OVEREXTENDED])
def test_sense_not_overextended(pipeline, text, wrong):
    check_not_overextended(pipeline, text, PUBLISHED, wrong)
