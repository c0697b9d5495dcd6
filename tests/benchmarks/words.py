"""Word lists for the synthetic library: invented titles and names that look like real ones.

They mix accents ("Régina", "Søren"), hyphens ("Clare-Hope", "Twenty-One"), initials ("KJ")
and particles ("van der Berg") on purpose: search must cope with all of them, so the benchmark
library has to contain them.
"""

from __future__ import annotations


def _split(text: str, *multiword: str) -> tuple[str, ...]:
    """The words of `text`, then the `multiword` entries that contain spaces."""
    return (*text.split(), *multiword)


FIRST_NAMES = _split("""
Aaliyah Abebe Ada Adaeze Adrián Agnès Ahmed Aiko Aisling Akira Alejandro Aleksander Alice Alvar
Amara Amélie Ana Anaïs Anders Andrés Anna-Lena Anne-Sophie Anouk Aoife Arjun Arnav Astrid Aurélie
Ayodele Bartholomew Beatriz Bénédicte Bertrand Bilal Björn Blessing Bo-ra Brendan Bríd Bruno
Caetano Camille Carmen Cecília Céline Chiamaka Chidi Chloé Chinonso Ciarán Clare-Hope Clementine
Colm Constance Dagny Dalia Daniel Dariusz Dawit Declan Deepika Delphine Desmond Diego Dmitri
Dolores Eamon Edwige Efua Eilís Elif Élodie Emeka Émile Emma Enzo Erzsébet Esmé Esperanza Étienne
Eun-ji Ezinne Fatima Felipe Femi Fernanda Fionnuala Florian François Freya Gabriel Gaëlle Gareth
Gbenga Geneviève Gideon Giulia Grégoire Greta Gulnara Gunnar Hamza Hanne Harriet Hélène Hiroshi
Hyun-woo Ibrahim Idris Ifeoma Ignacio Ilse Imogen Inès Ingrid Isabela Ivan Jacinta Jadwiga Jamal
Jean-Baptiste Jean-Luc Jesús Ji-woo Joaquín Jocelyn José Josefina Jules Julián Jürgen Kaito Kalinda
Kamala Karim Kasia Keanu Kemi Kenji Khadija Kiran KJ Kofi Kwame Lars Laure Leilani Léon Leonor
Liesel Lorcan Luca Lucía Łukasz Lupita Madhuri Mahershala Maëlle Maja Małgorzata Manon Marguerite
Marie-Claire Mariana Mateo Mathilde Matías Mei Mihai Mikael Min-jun Miriam Mohammed Naledi Naoko
Nasrin Ngozi Niamh Nikolai Nils Nnamdi Noémie Nuala Océane Olamide Oleksandr Olga Oluwaseun Omar
Oona Óscar Padraig Paloma Pasquale Pénélope Pia Pilar Priya Quentin Quinn Radek Rafael Rahel
Ramón Rasmus Raúl Régina Renée Rhiannon Rocío Rohan Rosalind Ruairí Rukmini Saoirse Sebastián
Seo-yeon Seán Shirin Siddharth Sigrid Silvia Siobhán Sipho Søren Stéphane Sunniva Tadhg Taiwo
Tamsin Teodora Thandiwe Théo Tomás Tove Uchenna Ulla Ulrike Valentina Vikram Violette Wanjiru
Wei Wilhelmina Xavier Xiadani Ximena Yara Yasmin Yusuf Yuki Zainab Zanele Zoë Zofia Zuzana
""")

LAST_NAMES = _split("""
Abara Acheampong Adeyemi Ahlberg Alcántara Almeida Álvarez Amadi Andersson Aquino Ashby Ashitey
Bachmann Baptiste Barbosa Bauer Beaumont Bergström Bhattacharya Blanchard Bøe Bondarenko Brennan
Byrne Caballero Callaghan Carvalho Castillo Chakraborty Chen Chopra Coelho Costa Cruz Dahl Dalton
Delacroix Desai Dubois Duarte Dufresne Eklund Engström Eze Falk Farouk Ferreira Fitzgerald Fonseca
Fournier Gallagher García-Márquez Gauthier Ghosh Gómez Grünewald Guðmundsdóttir Gustafsson Halloran
Hansen Harper Haugen Hernández Hoffmann Holm Horvath Ibáñez Ishikawa Iwu Jablonski Jaramillo
Jensen Jiménez Johansson Joshi Kaczmarek Kamau Kapoor Kaur Keane Kennedy-Ashe Kim Kinnear King
Kowalczyk Kristiansen Kuznetsova Lacroix Laurent Lindqvist López-Ortiz Løvlie Lundgren MacLeod
Madsen Maguire Mahlaba Malik Marchetti Martínez Mbeki Mehta Mendoza Moreau Müller Murphy Nakamura
Navarro Ndiaye Nguyen Nilsen Novak Nowak Núñez Nwosu Obi Ødegaard Okafor Okonkwo Olsen Ortega
Osei Osterberg Owusu Pacheco Park Patel Pereira Petrov Piątek Quigley Quintero Rahman Ramírez
Rasmussen Reddy Reyes Rinaldi Rocha Rodríguez Roussel Sandoval Santos Schäfer Schneider Sen Silva
Smith-Jones Soto Steinberg Suárez Sud Sundberg Svensson Takahashi Tanaka Thorsen Tiwari Torres
Traoré Uchida Ueda Urquhart Valdés Vasquez Vélez Villanueva Vogel Wagner Walsh Watanabe
Wiśniewski Wójcik Xu Yamamoto Yeo Yilmaz Zapata Zhang Zieliński Zúñiga
""", "van der Berg", "de la Cruz", "O'Connor", "O'Donnell", "van Dijk", "da Silva",
        "Le Guen", "Mac an tSaoir", "von Essen", "di Stefano")

TITLE_ADJECTIVES = _split("""
Absent Amber Ancient Bitter Black Blind Bright Broken Burning Careless Cold Crimson Crooked Dark
Dead Deep Distant Electric Empty Endless Eternal Faded Fallen False Final Forgotten Frozen Gilded
Glass Golden Grand Green Half-Lit Hidden Hollow Holy Honest Icy Idle Invisible Iron Jagged Kind
Last Late Little Lonely Long Lost Loud Lucky Midnight Narrow New Northern Old Open Pale Perfect
Quiet Radiant Red Restless Rising Royal Sacred Savage Scarlet Secret Silent Silver Small
Southern Split Stolen Strange Sudden Sweet Tender Thin Twisted Unquiet Unseen Velvet Violent
Wandering Well-Kept Western White Wicked Wild Winter Wooden Yellow Young Zealous Élan Éternel
""")

TITLE_NOUNS = _split("""
Affair Alibi Anchor Angel Archive Arrow Ashes Autumn Avenue Ballad Bargain Bay Bell Bridge Brother
Cabin Canal Canyon Castle Chapter Circle Citizen City Coast Code Company Confession Corner Country
Courtyard Crossing Crown Daughter Debt Desert Detective Diary Doctor Dream Dynasty Echo Edge Empire
Estate Exile Falcon Family Ferry Field Fire Flood Fortune Frontier Garden Ghost Glacier Harbour
Heir Heist Highway Hills House Hunter Island Journey Judge Jury Kingdom Knife Lake Ledger Legacy
Lighthouse Line Lodge Machine Manor Market Marshes Mirror Mission Moon Motel Mountain Night Oath
Orchard Outpost Palace Passage Pilgrim Precinct Promise Quarry Queen Rebel Ridge River Road Saint
Season Seconds Shadow Shore Signal Silence Sister Society Station Storm Street Summer Swamp Tide
Tower Trial Valley Verdict Village Vow Wake Ward Water Widow Witness Wolf Yard Zone Café Château
Fiancée Fjord Séance Soirée Twenty-One Half-Life Merry-Go-Round
""")

PLACES = _split("""
Aberdeen Adelaide Algiers Antwerp Arcadia Asunción Babylon Bergen Bogotá Bordeaux Brooklyn
Cádiz Cairo Calcutta Cork Córdoba Dakar Dublin Dunmore Edinburgh Eldorado Galway Gdańsk Geneva
Hamburg Havana Helsinki Istanbul Jersey Jericho Kerala Kinshasa Kraków Lagos Lisbon Lyon Madrid
Malmö Marseille Montréal Mumbai Nairobi Naples Nantes Newark Oaxaca Odessa Oslo Palermo Paris
Porto Québec Reykjavík Riga Salvador Santiago Seville Sligo Soweto Tallinn Tangier Tbilisi Tromsø
Utrecht Valparaíso Venice Vilnius Warsaw Wexford Yokohama Zagreb Zürich
""", "São Paulo", "Cape Town", "Jersey City", "New Orleans", "Buenos Aires", "Rio de Janeiro")

NUMBER_WORDS = _split("Two Three Four Five Six Seven Eight Nine Ten Twelve Thirteen Forty Hundred")

GENRES = (
    "Crime drama", "Police procedural", "Legal drama", "Medical drama", "Family drama",
    "Period drama", "Political thriller", "Social thriller", "Psychological thriller",
    "Spy thriller", "Mystery", "Whodunit", "Nordic noir", "Science fiction", "Fantasy", "Horror",
    "Supernatural", "Comedy", "Sitcom", "Dark comedy", "Satire", "Romance", "Romantic comedy",
    "Teen drama", "Coming of age", "Western", "War", "Historical", "Biographical", "Documentary",
    "True crime", "Anthology", "Animation", "Adventure", "Action", "Musical", "Sports drama",
    "Workplace comedy", "Mockumentary", "Soap opera",
)

NETWORKS = (
    "Netflix", "HBO", "BBC One", "BBC Two", "Channel 4", "ITV", "Sky Atlantic", "FX", "AMC",
    "Showtime", "Hulu", "Prime Video", "Apple TV+", "Disney+", "Peacock", "Paramount+", "ABC",
    "NBC", "CBS", "Fox", "Canal+", "Arte", "ZDF", "ARD", "RTÉ One", "TV 2", "DR1", "SVT", "NRK1",
    "Rai 1", "TVE", "Globo", "CBC", "ABC Australia", "Showmax", "tvN", "JTBC", "Fuji TV",
)

COMPANY_WORDS = _split("""
Aurora Beacon Blue Bright Cedar Compass Crescent Delta Ember Falcon Fjord Granite Harbour Horizon
Iris Juniper Kestrel Lantern Lumen Meridian Monarch Northlight Obsidian Orchard Paragon Pinnacle
Quill Raven Saffron Sable Signal Solstice Tandem Tidewater Umber Vantage Wildflower Zephyr Étoile
""")

COMPANY_SUFFIXES = ("Pictures", "Films", "Television", "Studios", "Productions", "Media",
                    "Entertainment", "Content", "& Co.", "Filmproduktion")

COUNTRIES = (
    ("United States", "English"), ("United Kingdom", "English"), ("Ireland", "English"),
    ("Canada", "English"), ("Australia", "English"), ("France", "French"),
    ("Germany", "German"), ("Spain", "Spanish"), ("Mexico", "Spanish"), ("Italy", "Italian"),
    ("Sweden", "Swedish"), ("Norway", "Norwegian"), ("Denmark", "Danish"),
    ("Iceland", "Icelandic"), ("Poland", "Polish"), ("Brazil", "Portuguese"),
    ("South Korea", "Korean"), ("Japan", "Japanese"), ("India", "Hindi"),
    ("Nigeria", "English"), ("South Africa", "English"), ("Argentina", "Spanish"),
)

OCCUPATIONS = _split("""
detective lawyer nurse teacher journalist surgeon farmer priest smuggler architect pilot chef
judge prosecutor forger widow heiress mechanic soldier diplomat hacker midwife fisherman boxer
""")

EVENTS = (
    "a body washes up on the shore", "a letter arrives twenty years too late",
    "the town's only bank is robbed", "a child goes missing during a storm",
    "an old rival returns with a secret", "a fire destroys the family business",
    "an election divides the neighbourhood", "a stranger claims an inheritance",
    "a hit-and-run is covered up", "the factory announces it will close",
    "a famous painting disappears", "a witness refuses to testify",
)

AFTERMATHS = (
    "and nobody is who they seem", "while the press circles", "and loyalties begin to crack",
    "as the winter closes in", "with the whole city watching", "and the past will not stay buried",
    "and a fragile truce falls apart", "while a second crime goes unnoticed",
)

PRAISE = ("the lead performance", "the pacing of the early episodes", "the ensemble cast",
          "the cinematography", "the score", "its sharp dialogue", "the period detail",
          "the way it handles grief", "its restraint", "the location work")

CRITICISM = ("a sagging middle stretch", "the pacing", "a rushed finale", "thin side characters",
             "too many subplots", "a heavy-handed score", "an implausible twist",
             "the uneven tone", "its length", "the exposition-heavy dialogue")

OUTLETS = ("The Daily Ledger", "Screen Weekly", "Le Petit Écran", "Northern Review",
           "The Critic's Chair", "Rolling Review", "Télé Hebdo", "The Evening Standard-Bearer",
           "Pixel & Frame", "Serienjunkies Quarterly", "The Couch Report", "Variety Hour",
           "El Espectador Crítico", "Quill & Screen", "Yonder Magazine", "Zoetrope Journal")

AWARD_NAMES = ("Golden Lantern Award", "Critics' Circle Award", "Prix de la Série",
               "Northern Screen Award", "International Drama Prize", "Premio Ondas Ficticio")

AWARD_CATEGORIES = ("Best Drama Series", "Best Lead Actress", "Best Lead Actor",
                    "Best Supporting Actress", "Best Supporting Actor", "Best Writing",
                    "Best Direction", "Best Limited Series")

TAGS = _split("""
crime favourite rewatch slow-burn binge cosy bleak funny nordic period courtroom heist
comfort-watch weekend with-family recommended to-discuss underrated overrated classic
limited short twisty political romance sci-fi mystery dark true-story foreign-language
""", "must see", "book club", "Régina's picks")
