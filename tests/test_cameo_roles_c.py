"""CAMEO role round C: codes 11-15 (disapprove, reject, threaten, protest, exhibit force posture).

For each CAMEO code of the range (the 3-digit codes and the 4-digit ones whose wording differs;
descriptions from CAMEO2PLOVER-2021.txt) the sentences below were written for the project in the
manner of wire copy (Reuters/AP style: active, passive, nominal, light-verb, coordinated,
headline and reporting-frame constructions); none is taken from a gold file.  The whole pipeline
runs, and the test checks that some event of the sentence has the PLOVER type AND that this same
event's actors include the actor's country and its recipients the recipient's country.

International bodies carry no country in the actor catalogue (igos.toml), so for them the expected
value is the actor's catalogue name ("European Union", "UN Security Council").
The negative cases check that the senses added in this round did not take over a word's
other readings.
"""
from __future__ import annotations

import pytest

from tests.roles import check_not_overextended, check_role

PUBLISHED = "2015-10-27"

# (text, PLOVER type, actor ISO3 or IGO name or None, recipient ISO3 or IGO name or None)
CASES = [
    # ---------------- 11 DISAPPROVE / ACCUSE -> PLOVER ACCUSE (116 find guilty: the PLOVER manual codes convictions SANCTION 'convict')
    # 110
    ("Japan expressed disapproval of China's decision to build an airstrip on the disputed reef.", 'ACCUSE', 'JPN', 'CHN'),
    ("Germany frowned on Hungary's new media law, officials in Berlin said on Tuesday.", 'ACCUSE', 'DEU', 'HUN'),
    ("Japan voiced displeasure with China's decision to build an airstrip on the disputed reef.", 'ACCUSE', 'JPN', 'CHN'),
    ("Germany frowned on Hungary's new media law.", 'ACCUSE', 'DEU', 'HUN'),
    # 111
    ("The Egyptian foreign minister denounced Ethiopia's decision to fill the dam.", 'ACCUSE', 'EGY', 'ETH'),
    ('Pakistan was sharply criticised by India for the attack in Kashmir.', 'ACCUSE', 'IND', 'PAK'),
    ('The Turkish president hit out at Sweden on Tuesday over the Koran burning.', 'ACCUSE', 'TUR', 'SWE'),
    ("Chile's foreign minister slammed Bolivia's claim to the sea as baseless.", 'ACCUSE', 'CHL', 'BOL'),
    ('Ireland chided Britain over its plans to scrap the protocol.', 'ACCUSE', 'IRL', 'GBR'),
    ("Canada and Australia condemned Iran's execution of the protesters.", 'ACCUSE', 'AUS', 'IRN'),
    ('Moscow condemned as illegal the U.S. strikes on Syria.', 'ACCUSE', 'RUS', 'USA'),
    ("Britain's condemnation of Iran's nuclear programme angered Tehran.", 'ACCUSE', 'GBR', 'IRN'),
    ("Egypt voiced outrage at Israel's raid on the mosque.", 'ACCUSE', 'EGY', 'ISR'),
    ("Spain deplored Venezuela's expulsion of the EU envoy.", 'ACCUSE', 'ESP', 'VEN'),
    # 112
    ('Iran accused Saudi Arabia on Sunday of mishandling the stampede in Mecca.', 'ACCUSE', 'IRN', 'SAU'),
    ("Ukraine's accusations against Russia drew a sharp response from Moscow.", 'ACCUSE', 'UKR', 'RUS'),
    ('Ethiopia levelled accusations of sabotage against Egypt.', 'ACCUSE', 'ETH', 'EGY'),
    ('Lithuania, Latvia and Estonia accused Belarus of pushing migrants across the border.', 'ACCUSE', 'LVA', 'BLR'),
    ('Seoul blamed Pyongyang for the sinking of the warship.', 'ACCUSE', 'KOR', 'PRK'),
    # 1121
    ('Brazilian prosecutors accused the former Peruvian president of taking bribes.', 'ACCUSE', 'BRA', 'PER'),
    ('Kenyan officials charged a Ugandan businessman with fraud on Monday.', 'ACCUSE', 'KEN', 'UGA'),
    ('Nigerian prosecutors indicted a Dutch oil executive for bribery.', 'ACCUSE', 'NGA', 'NLD'),
    # 1122
    ("The United States accused Myanmar's military of atrocities against the Rohingya.", 'ACCUSE', 'USA', 'MMR'),
    ('The UN human rights office accused Sri Lanka of torturing detainees.', 'ACCUSE', 'UN human rights office', 'LKA'),
    # 1123
    ('Armenia accused Azerbaijan of aggression after shelling near the border.', 'ACCUSE', 'ARM', 'AZE'),
    ('Georgia blamed Russia for the incursion into its territory.', 'ACCUSE', 'GEO', 'RUS'),
    ('The Somali government accused Kenya of meddling in its internal affairs.', 'ACCUSE', 'SOM', 'KEN'),
    # 1124
    ('Ukraine accused Russian troops of war crimes in Bucha.', 'ACCUSE', 'UKR', 'RUS'),
    ('Bosnia charged Serbia with genocide at the International Court of Justice.', 'ACCUSE', 'BIH', 'SRB'),
    ('The ICC charged the Sudanese president with war crimes in Darfur.', 'ACCUSE', 'International Criminal Court', 'SDN'),
    # 1125
    ('China accused two Canadians of spying on Tuesday.', 'ACCUSE', 'CHN', 'CAN'),
    ('Moscow charged a U.S. citizen with espionage.', 'ACCUSE', 'RUS', 'USA'),
    ('Iran arrested a French national on charges of espionage.', 'COERCE', 'IRN', 'FRA'),
    # 113
    ('Qatar rallied Arab states against the Saudi blockade.', 'ACCUSE', 'QAT', 'SAU'),
    ('France urged its European partners to oppose the Hungarian plan.', 'REQUEST', 'FRA', None),
    # 114
    ('Greece lodged a formal protest with Turkey over the airspace violations.', 'ACCUSE', 'GRC', 'TUR'),
    ('The Philippines filed a diplomatic protest against China over the Scarborough Shoal.', 'ACCUSE', 'PHL', 'CHN'),
    ('Spain summoned the Moroccan ambassador to protest the incursion.', 'ACCUSE', 'ESP', 'MAR'),
    ('Tokyo handed a protest note to the Chinese embassy over the incursion.', 'ACCUSE', 'JPN', 'CHN'),
    ('Cyprus complained to the European Union about Turkish drilling.', 'ACCUSE', 'CYP', 'European Union'),
    # 115
    ('Slovenia sued Croatia at the European Court of Justice over the border.', 'ACCUSE', 'SVN', 'HRV'),
    ('Argentina filed a lawsuit against the United States over the debt ruling.', 'ACCUSE', 'ARG', 'USA'),
    ('Ukraine took Russia to the International Court of Justice.', 'ACCUSE', 'UKR', 'RUS'),
    ('Qatar filed a case against the United Arab Emirates at the World Trade Organization.', 'ACCUSE', 'QAT', 'ARE'),
    # 116
    ('An Iranian court convicted a British aid worker of spying.', 'SANCTION', 'IRN', 'GBR'),
    ('A Russian court found an American citizen guilty of drug smuggling.', 'SANCTION', 'RUS', 'USA'),
    ('A Chinese court sentenced an Australian writer to death.', 'SANCTION', 'CHN', 'AUS'),
    # ---------------- 12 REJECT -> PLOVER REJECT
    # 120
    ('Israel rejected the French proposal on Tuesday.', 'REJECT', 'ISR', 'FRA'),
    ('Venezuela dismissed the demands of the Colombian government.', 'REJECT', 'VEN', 'COL'),
    ("Pakistan spurned India's overtures on Monday.", 'REJECT', 'PAK', 'IND'),
    ('The Greek proposal was rejected by Turkey.', 'REJECT', 'TUR', 'GRC'),
    ('The Palestinian Authority rejected the U.S. peace plan outright.', 'REJECT', 'PSE', 'USA'),
    ("Colombia's refusal to extradite the rebel leader angered Venezuela.", 'REJECT', 'COL', None),
    # 121
    ('Turkey refused to cooperate with Greece on the migrant crisis.', 'REJECT', 'TUR', 'GRC'),
    ('Nicaragua rebuffed offers of cooperation from Costa Rica.', 'REJECT', 'NIC', 'CRI'),
    ("Australia snubbed China's Belt and Road initiative.", 'REJECT', 'AUS', 'CHN'),
    ('Iran refused to cooperate with IAEA inspectors.', 'REJECT', 'IRN', 'IAEA'),
    # 1211
    ('Bolivia rejected an economic cooperation agreement with Chile.', 'REJECT', 'BOL', 'CHL'),
    ('Vietnam turned down a Chinese offer of a joint oil exploration venture.', 'REJECT', 'VNM', 'CHN'),
    # 1212
    ('The Philippines refused to take part in joint military exercises with the United States.', 'REJECT', 'PHL', 'USA'),
    ('Indonesia rejected a Russian offer of military cooperation.', 'REJECT', 'IDN', 'RUS'),
    # 1213
    ('Russia refused to extradite the suspects to Britain.', 'REJECT', 'RUS', 'GBR'),
    ('Lebanon rejected a French request for judicial assistance in the investigation.', 'REJECT', 'LBN', 'FRA'),
    # 1214
    ('Pakistan refused to share intelligence with Afghanistan.', 'REJECT', 'PAK', 'AFG'),
    ('Hungary rejected an Austrian request to share intelligence on the smugglers.', 'REJECT', 'HUN', 'AUT'),
    # 122
    ("Germany rejected Greece's request for more aid.", 'REJECT', 'DEU', 'GRC'),
    ("Japan turned down South Korea's appeal for assistance.", 'REJECT', 'JPN', 'KOR'),
    ('Egypt turned down a Sudanese request for emergency fuel supplies.', 'REJECT', 'EGY', 'SDN'),
    ("Greece's request for a loan was rejected by Germany on Monday.", 'REJECT', 'DEU', 'GRC'),
    # 1221
    ("The Netherlands rejected Italy's request for financial aid.", 'REJECT', 'NLD', 'ITA'),
    ('Saudi Arabia refused to lend money to Pakistan on Friday.', 'REJECT', 'SAU', 'PAK'),
    # 1222
    ("The United States rejected Ukraine's request for fighter jets.", 'REJECT', 'USA', 'UKR'),
    ('Russia refused to supply weapons to Armenia.', 'REJECT', 'RUS', 'ARM'),
    # 1223
    ('Myanmar rejected offers of humanitarian aid from Thailand.', 'REJECT', 'MMR', 'THA'),
    ('North Korea turned down food aid from South Korea.', 'REJECT', 'PRK', 'KOR'),
    # 1224
    ('Sudan rejected the deployment of UN peacekeepers in Darfur.', 'REJECT', 'SDN', None),
    ('Burundi refused to accept African Union peacekeepers.', 'REJECT', 'BDI', None),
    # 123
    ('The Chinese government rejected British calls for political reform in Hong Kong.', 'REJECT', 'CHN', 'GBR'),
    ("Belarus dismissed the European Union's demands for democratic reforms.", 'REJECT', 'BLR', 'European Union'),
    # 1231
    ('The Syrian government rejected French demands that President Bashar al-Assad step down.', 'REJECT', 'SYR', 'FRA'),
    ('Venezuela rebuffed U.S. calls for the president to resign.', 'REJECT', 'VEN', 'USA'),
    # 1232
    ("Australia rejected Indonesia's demand to change its refugee policy.", 'REJECT', 'AUS', 'IDN'),
    ("Poland rejected the European Union's demand to change its judicial policy.", 'REJECT', 'POL', 'European Union'),
    # 1233
    ('The Iranian government rejected Canadian demands for the release of political prisoners.', 'REJECT', 'IRN', 'CAN'),
    ("Saudi Arabia rejected Sweden's calls for women's rights.", 'REJECT', 'SAU', 'SWE'),
    # 1234
    ('Cuba rejected U.S. demands for multiparty elections.', 'REJECT', 'CUB', 'USA'),
    ('Zimbabwe rejected British calls for a new constitution.', 'REJECT', 'ZWE', 'GBR'),
    # 124
    ('Serbia refused to back down in its dispute with Kosovo.', 'REJECT', 'SRB', 'XKX'),
    ('India refused to yield to Pakistani pressure over Kashmir.', 'REJECT', 'IND', 'PAK'),
    ('Turkey refused to lift its blockade of Armenia.', 'REJECT', 'TUR', 'ARM'),
    # 1241
    ('China refused to lift its ban on Australian journalists.', 'REJECT', 'CHN', 'AUS'),
    ('Russia declined to ease travel restrictions on Polish diplomats.', 'REJECT', 'RUS', 'POL'),
    # 1242
    ('The Nicaraguan government refused to lift the ban on opposition rallies.', 'REJECT', 'NIC', None),
    ('Belarusian authorities refused to release the detained protesters.', 'REJECT', 'BLR', None),
    # 1243
    ('Iran refused to release the British tanker.', 'REJECT', 'IRN', 'GBR'),
    ('North Korea declined to free the detained American student.', 'REJECT', 'PRK', 'USA'),
    ('Israel refused to hand over the bodies of the Palestinian attackers.', 'REJECT', 'ISR', None),
    # 1244
    ('The United States refused to lift sanctions on Cuba.', 'REJECT', 'USA', 'CUB'),
    ('The European Union declined to ease its embargo on Syria.', 'REJECT', 'European Union', 'SYR'),
    # 1245
    ('Israel refused to allow UN investigators into Gaza.', 'REJECT', 'ISR', None),
    ('Ethiopia refused to admit international monitors to Tigray.', 'REJECT', 'ETH', None),
    # 1246
    ('Russia refused to withdraw its troops from Moldova.', 'REJECT', 'RUS', 'MDA'),
    ('Azerbaijan rejected calls from France for a ceasefire.', 'REJECT', 'AZE', 'FRA'),
    # 125
    ("North Korea rejected South Korea's offer of talks.", 'REJECT', 'PRK', 'KOR'),
    ('Eritrea refused to negotiate with Ethiopia on Tuesday.', 'REJECT', 'ERI', 'ETH'),
    ('Taiwan declined an invitation from China to hold talks.', 'REJECT', 'TWN', 'CHN'),
    ('Israel ruled out negotiations with Hamas.', 'REJECT', None, 'Hamas'),
    ("Venezuela's president ruled out talks with the Colombian government on Friday.", 'REJECT', 'VEN', 'COL'),
    ("North Korea spurned Japan's offer of talks.", 'REJECT', 'PRK', 'JPN'),
    ('Iran boycotted the talks with the United States in Vienna.', 'REJECT', 'IRN', 'USA'),
    # 126
    ('India rejected U.S. mediation in the Kashmir dispute.', 'REJECT', 'IND', 'USA'),
    ('Morocco turned down an Algerian offer of mediation.', 'REJECT', 'MAR', 'DZA'),
    ("Yemen's Houthi rebels rebuffed Omani mediation efforts.", 'REJECT', None, 'OMN'),
    ('Ethiopia rejected African Union mediation in its dispute with Egypt.', 'REJECT', 'ETH', 'African Union'),
    # 127
    ('Hamas rejected the Egyptian ceasefire plan.', 'REJECT', None, 'EGY'),
    ('Armenia rejected the peace plan proposed by Azerbaijan.', 'REJECT', 'ARM', 'AZE'),
    ('Russia rejected the Ukrainian peace formula on Thursday.', 'REJECT', 'RUS', 'UKR'),
    # 128
    ('Iran defied the United Nations by resuming uranium enrichment.', 'REJECT', 'IRN', 'United Nations'),
    ('Hungary flouted European Union rules on asylum.', 'REJECT', 'HUN', 'European Union'),
    ('Russia defied a ruling by the European Court of Human Rights.', 'REJECT', 'RUS', None),
    ('Israel ignored a UN Security Council demand to halt settlement building.', 'REJECT', 'ISR', 'UN Security Council'),
    ('Hungary defied the European Union over its migrant quotas.', 'REJECT', 'HUN', 'European Union'),
    # 129
    ('Russia vetoed a UN Security Council resolution condemning Syria.', 'REJECT', 'RUS', None),
    ('The United States vetoed a draft resolution on Israeli settlements.', 'REJECT', 'USA', None),
    ('China and Russia vetoed the resolution on Myanmar.', 'REJECT', 'CHN', None),
    ('Washington blocked a UN Security Council statement on Gaza.', 'REJECT', 'USA', None),
    # ---------------- 13 THREATEN -> PLOVER THREATEN
    # 130
    ('Turkey threatened Greece over its gas exploration in the Aegean.', 'THREATEN', 'TUR', 'GRC'),
    ('The Chinese foreign ministry issued a warning to Japan on Monday.', 'THREATEN', 'CHN', 'JPN'),
    ('Iran vowed to retaliate against Israel for the killing of its general.', 'THREATEN', 'IRN', 'ISR'),
    ('Israel threatened retaliation against Hezbollah.', 'THREATEN', 'ISR', 'Hezbollah'),
    ('Russian President Vladimir Putin warned the West against crossing red lines.', 'THREATEN', 'RUS', None),
    ('Ankara warned Athens it would pay a heavy price.', 'THREATEN', 'TUR', 'GRC'),
    # 131
    ('Beijing warned Lithuania of consequences over the Taiwan office.', 'THREATEN', 'CHN', 'LTU'),
    ('Morocco threatened Spain with unspecified measures over the migrant crisis.', 'THREATEN', 'MAR', 'ESP'),
    # 1311
    ('The United States threatened to cut aid to Egypt.', 'THREATEN', 'USA', 'EGY'),
    ('Britain threatened to suspend aid to Malawi over the trial.', 'THREATEN', 'GBR', 'MWI'),
    ('Germany threatened to withhold aid from Rwanda.', 'THREATEN', 'DEU', 'RWA'),
    # 1312
    ('The European Union threatened Belarus with new sanctions.', 'THREATEN', 'European Union', 'BLR'),
    ('China threatened to impose tariffs on Australian wine.', 'THREATEN', 'CHN', 'AUS'),
    ('China warned the Philippines of economic consequences over the shoal.', 'THREATEN', 'CHN', 'PHL'),
    ('Washington threatened Ankara with sanctions over the purchase of Russian missiles.', 'THREATEN', 'USA', 'TUR'),
    ('The United States warned China against supplying weapons to Russia.', 'THREATEN', 'USA', 'CHN'),
    # 1313
    ('Algeria threatened to sever diplomatic ties with Morocco.', 'THREATEN', 'DZA', 'MAR'),
    ('Turkey threatened to recall its ambassador from the Netherlands.', 'THREATEN', 'TUR', 'NLD'),
    ('Egypt threatened to downgrade relations with Turkey.', 'THREATEN', 'EGY', 'TUR'),
    # 132
    ('Russia threatened to ban German broadcasters in retaliation.', 'THREATEN', 'RUS', 'DEU'),
    ('India threatened to revoke the licences of Chinese companies.', 'THREATEN', 'IND', 'CHN'),
    # 1321
    ('Turkey threatened to block Twitter after the posts by Greek officials.', 'THREATEN', 'TUR', None),
    ('Russian officials threatened to block American news websites.', 'THREATEN', 'RUS', 'USA'),
    # 1322
    ('The Thai junta threatened to ban the opposition party.', 'THREATEN', 'THA', None),
    ('Cambodia threatened to dissolve the main opposition party.', 'THREATEN', 'KHM', None),
    # 1323
    ('Ethiopian authorities threatened to impose a curfew in Addis Ababa.', 'THREATEN', 'ETH', None),
    ('The Kenyan government threatened a curfew in Nairobi.', 'THREATEN', 'KEN', None),
    # 1324
    ('The Bolivian president threatened to declare a state of emergency.', 'THREATEN', 'BOL', None),
    ('The Thai army threatened to impose martial law in Bangkok.', 'THREATEN', 'THA', None),
    # 133
    ('Kenyan opposition leaders threatened mass protests against the government.', 'THREATEN', 'KEN', 'KEN'),
    ('Nigerian unions threatened a general strike over fuel prices.', 'THREATEN', 'NGA', None),
    # 134
    ('Iran threatened to walk out of the nuclear talks with France.', 'THREATEN', 'IRN', 'FRA'),
    ('Serbia threatened to pull out of negotiations with Kosovo.', 'THREATEN', 'SRB', 'XKX'),
    ('Hamas threatened to suspend the ceasefire talks with Israel.', 'THREATEN', None, 'ISR'),
    # 135
    ('Qatar threatened to end its mediation between Israel and Hamas.', 'THREATEN', 'QAT', None),
    ('Norway threatened to withdraw as mediator between Colombia and the rebels.', 'THREATEN', 'NOR', None),
    # 136
    ('Mali threatened to expel French troops.', 'THREATEN', 'MLI', 'FRA'),
    ('Russia threatened to expel American diplomats.', 'THREATEN', 'RUS', 'USA'),
    ('Niger threatened to expel the UN mission.', 'THREATEN', 'NER', 'United Nations'),
    # 137
    ('The Iranian government threatened to crush the protests.', 'THREATEN', 'IRN', None),
    ('Zimbabwean police threatened a crackdown on opposition supporters.', 'THREATEN', 'ZWE', 'ZWE'),
    ('Iranian police warned protesters of a tough response.', 'THREATEN', 'IRN', None),
    # 138
    ('North Korea threatened to attack the United States.', 'THREATEN', 'PRK', 'USA'),
    ('Turkey threatened military action against Syria.', 'THREATEN', 'TUR', 'SYR'),
    ("Turkey's threat of a military incursion into Syria alarmed Washington.", 'THREATEN', 'TUR', 'SYR'),
    ('India threatened Pakistan with military retaliation.', 'THREATEN', 'IND', 'PAK'),
    # 1381
    ('Iran threatened to blockade the Strait of Hormuz.', 'THREATEN', 'IRN', None),
    ('China threatened a naval blockade of Taiwan.', 'THREATEN', 'CHN', 'TWN'),
    ('Venezuela threatened to close its border with Colombia.', 'THREATEN', 'VEN', 'COL'),
    # 1382
    ('Russia threatened to occupy parts of Georgia.', 'THREATEN', 'RUS', 'GEO'),
    ('Israel threatened to reoccupy Gaza.', 'THREATEN', 'ISR', None),
    # 1383
    ('Al Shabaab threatened suicide attacks against Kenya.', 'THREATEN', None, 'KEN'),
    ('Islamic State threatened to bomb France.', 'THREATEN', None, 'FRA'),
    ('The Islamic State group threatened new attacks on Britain.', 'THREATEN', None, 'GBR'),
    # 1384
    ('Azerbaijan threatened to shell Armenian positions.', 'THREATEN', 'AZE', 'ARM'),
    ('Pakistan threatened air strikes against India.', 'THREATEN', 'PAK', 'IND'),
    ('The Pakistani army chief warned India of a befitting response to any attack.', 'THREATEN', 'PAK', 'IND'),
    # 1385
    ('North Korea threatened a nuclear strike on South Korea.', 'THREATEN', 'PRK', 'KOR'),
    ('Russia threatened to use nuclear weapons against Ukraine.', 'THREATEN', 'RUS', 'UKR'),
    ('North Korea threatened South Korea with nuclear weapons on Tuesday.', 'THREATEN', 'PRK', 'KOR'),
    # 139
    ('Saudi Arabia gave Qatar an ultimatum to close Al Jazeera.', 'THREATEN', 'SAU', 'QAT'),
    ('ECOWAS issued an ultimatum to the Gambian president.', 'THREATEN', 'ECOWAS', 'GMB'),
    ('Saudi Arabia issued an ultimatum to Qatar on Thursday.', 'THREATEN', 'SAU', 'QAT'),
    # ---------------- 14 PROTEST -> PLOVER PROTEST
    # 140
    ('Polish farmers protested against Ukrainian grain imports.', 'PROTEST', 'POL', 'UKR'),
    ('Hundreds of Kenyan opposition supporters demonstrated outside the Chinese embassy in Nairobi.', 'PROTEST', 'KEN', 'CHN'),
    ('Hundreds of Armenians picketed the Turkish embassy in Paris.', 'PROTEST', 'ARM', 'TUR'),
    ('Egyptian students burned the Israeli flag outside the embassy in Cairo.', 'PROTEST', 'EGY', 'ISR'),
    # 141
    ('Greek demonstrators marched on the German embassy in Athens.', 'PROTEST', 'GRC', 'DEU'),
    ('Kurdish demonstrators held a rally against Turkey in Berlin.', 'PROTEST', None, 'TUR'),
    ('Ukrainians protested outside the Russian embassy in Kyiv.', 'PROTEST', 'UKR', 'RUS'),
    ("Protest in Seoul against Japan's release of water from Fukushima.", 'PROTEST', None, 'JPN'),
    # 1411
    ("Tens of thousands of Armenians rallied in Yerevan to demand the prime minister's resignation.", 'PROTEST', 'ARM', None),
    ('Thousands of Sudanese protesters marched in Khartoum to demand the resignation of the president.', 'PROTEST', 'SDN', None),
    # 1412
    ("Chilean students protested against the government's education policy.", 'PROTEST', 'CHL', 'CHL'),
    ('Iraqi protesters stormed the Swedish embassy in Baghdad.', 'PROTEST', 'IRQ', 'SWE'),
    # 1413
    ('Iranian women demonstrated for the right to attend football matches.', 'PROTEST', 'IRN', None),
    # 1414
    ('Thousands of Hong Kong residents marched for democracy on Sunday.', 'PROTEST', 'HKG', None),
    # 142
    ('Palestinian prisoners went on hunger strike in Israeli jails.', 'PROTEST', 'PSE', None),
    ('A jailed Bahraini activist began a hunger strike on Monday.', 'PROTEST', 'BHR', None),
    ('A detained Egyptian activist went on hunger strike.', 'PROTEST', 'EGY', None),
    # 143
    ('Chinese consumers boycotted Japanese goods.', 'PROTEST', 'CHN', 'JPN'),
    ('French rail workers went on strike on Tuesday.', 'PROTEST', 'FRA', None),
    ("South Korean doctors staged a walkout against the government's reforms.", 'PROTEST', 'KOR', 'KOR'),
    ('Turkish consumers boycotted French products.', 'PROTEST', 'TUR', 'FRA'),
    # 144
    ('Mexican farmers blocked the border crossing to the United States.', 'PROTEST', 'MEX', None),
    ('Polish farmers blocked the border crossing with Ukraine.', 'PROTEST', 'POL', None),
    ('Greek farmers blocked highways with tractors on Monday.', 'PROTEST', 'GRC', None),
    ('Palestinian protesters blocked the road to the Israeli settlement.', 'PROTEST', 'PSE', None),
    # 145
    ('Rioters in Senegal attacked French businesses.', 'PROTEST', 'SEN', 'FRA'),
    ('Angry Pakistani protesters torched the U.S. consulate in Karachi.', 'PROTEST', 'PAK', 'USA'),
    ('Kenyan protesters rioted in Nairobi on Tuesday.', 'PROTEST', 'KEN', None),
    ('Lebanese protesters clashed with security forces in Beirut.', 'PROTEST', 'LBN', 'LBN'),
    ('Rioting broke out in Paris after the police shooting.', 'PROTEST', None, None),
    # ---------------- 15 EXHIBIT FORCE POSTURE -> PLOVER MOBILIZE
    # 150
    ('China staged military drills near Taiwan.', 'MOBILIZE', 'CHN', 'TWN'),
    ('Russia conducted naval exercises in the Baltic Sea.', 'MOBILIZE', 'RUS', None),
    ('North Korea test-fired a ballistic missile over Japan.', 'MOBILIZE', 'PRK', 'JPN'),
    ('China staged a show of force near Taiwan.', 'MOBILIZE', 'CHN', 'TWN'),
    ('China sailed an aircraft carrier through the Taiwan Strait.', 'MOBILIZE', 'CHN', None),
    # 151
    ('Belgian authorities raised the terror alert level to its highest.', 'MOBILIZE', 'BEL', None),
    ('The French government put police on high alert after the attack.', 'MOBILIZE', 'FRA', None),
    ('Sri Lanka raised its security alert after the bombings.', 'MOBILIZE', 'LKA', None),
    # 152
    ("South Korea put its army on high alert after the North's missile launch.", 'MOBILIZE', 'KOR', None),
    ('Greece placed its armed forces on alert over Turkish exploration.', 'MOBILIZE', 'GRC', None),
    ("Seoul raised its military alert level after North Korea's missile launch.", 'MOBILIZE', 'KOR', 'PRK'),
    ('Israel put its troops on high alert along the Lebanese border.', 'MOBILIZE', 'ISR', None),
    # 153
    ('Kenya deployed extra police to the border with Somalia.', 'MOBILIZE', 'KEN', None),
    ('Chile sent thousands of police officers to the capital.', 'MOBILIZE', 'CHL', None),
    ('Nigeria deployed police officers to Lagos.', 'MOBILIZE', 'NGA', None),
    ('Egyptian police stepped up patrols in Cairo.', 'MOBILIZE', 'EGY', None),
    # 154
    ('Russia massed troops on its border with Ukraine.', 'MOBILIZE', 'RUS', 'UKR'),
    ('Armenia mobilized its reservists on Sunday.', 'MOBILIZE', 'ARM', None),
    ('Russia called up 300,000 reservists on Wednesday.', 'MOBILIZE', 'RUS', None),
    ('Kenya beefed up security along its border with Somalia.', 'MOBILIZE', 'KEN', 'SOM'),
    ('Thailand reinforced its troops along the Cambodian border.', 'MOBILIZE', 'THA', None),
    ('Azerbaijan announced a partial mobilisation of its armed forces.', 'MOBILIZE', 'AZE', None),
]

# senses added in this round that must not take over a word's other readings: (text, type it must not get)
NOT_OVEREXTENDED = [
    # "handed a protest note" is a complaint; handing a plain note is not
    ("The minister handed a note to the president.", "ACCUSE"),
    # boycotting talks rejects a meeting; boycotting an election stays a protest
    ("The opposition boycotted the election.", "REJECT"),
    # sailing warships is a show of force; a ferry sailing is not
    ("The ferry sailed to the island with 200 passengers.", "MOBILIZE"),
    # burning a flag is dissent; burning a village stays an attack
    ("Soldiers burned the village of Tula.", "PROTEST"),
    # sending police is a deployment; sending a letter is not
    ("Chile sent a letter to Peru.", "MOBILIZE"),
    # "frowned on" disapproves; a frown is not an event
    ("The president frowned at the question.", "ACCUSE"),
    # outrage is disapproval only when someone voices it
    ("The killing sparked outrage in Pakistan.", "ACCUSE"),
    # filing a case accuses; filing a report does not
    ("The company filed its annual report.", "ACCUSE"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, type_, actor, recipient", CASES, ids=[c[0][:56] for c in CASES])
def test_cameo_role(pipeline, text, type_, actor, recipient):
    check_role(pipeline, text, PUBLISHED, type_, actor, recipient)


@pytest.mark.model
@pytest.mark.parametrize("text, wrong", NOT_OVEREXTENDED, ids=[c[0][:56] for c in NOT_OVEREXTENDED])
def test_new_sense_not_overextended(pipeline, text, wrong):
    check_not_overextended(pipeline, text, PUBLISHED, wrong)
