"""Draw the blind split of ../shared/eval/wikipedia_bios_2019 (issues 15-17), from file names only.

Every life gets a coarse stratum read from its FILE NAME and general knowledge of who the name is
(no page is opened): occupation group (S science, medicine, engineering, scholarship; A letters, arts,
music, film, stage; P politics, military, law, activism, religion, exploration, sport, business) and
era of birth (1 before 1800, 2 1800-1899, 3 1900 or later). Within each of the nine strata the names
are shuffled with random.Random(SEED) and the first ceil(n * BLIND / total) go to `blind`, so the blind
part mixes occupations and eras in the corpus's own proportions. Writes tests/eval/bios/split.json.

Rule: nobody opens a blind page until the final measurement (see tests/eval/bios/README.md).

    .venv/bin/python bench/bios_split.py            # (re)writes split.json; the same seed gives the same split
"""
from __future__ import annotations

import json
import math
import random
import sys
from collections import defaultdict
from pathlib import Path

SEED = 20261202
BLIND = 64
ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "eval" / "wikipedia_bios_2019" / "pages"
OUT = ROOT / "tests" / "eval" / "bios" / "split.json"

# stem -> occupation group + era of birth, from the name alone.
STRATA = """
A._A._Milne A2|A._E._Housman A2|Abel_Tasman P1|Abner_Doubleday P2|Abraham_Lincoln P2|Albert_Schweitzer P2|
Albert_W._Dent P3|Alberto_Giacometti A3|Alexander_Fleming S2|Alexander_Grothendieck S3|Alexander_Kerensky P2|
Alexander_of_Hales S1|Alexis_Carrel S2|Alfred_Hitchcock A2|Alfred_Russel_Wallace S2|Amalie_Raiffeisen P2|
Amerigo_Vespucci P1|Andy_Warhol A3|Antanas_Poška P3|Antoine_Lavoisier S1|Anton_Chekhov A2|Antonio_Canova A1|
Arthur_Eddington S2|Arthur_Jensen S3|Arthur_Miller A3|Arthur_Wellesley,_1st_Duke_of_Wellington P1|
Auguste_Rodin A2|Augustin_Bunea P2|B._F._Skinner S3|Bal_Thackeray P3|Bela_Lugosi A2|Bill_Bixby A3|
Brion_Gysin A3|Buckminster_Fuller S2|Buddy_Holly A3|C._Northcote_Parkinson S3|Carl_Rogers S3|Carl_Sagan S3|
Carlo_Goldoni A1|Charles_Alston A3|Charles_Baudelaire A2|Charles_F._Hockett S3|Charles_Herbert_Garvin P2|
Charles_Lyell S1|Charles_Mingus A3|Chet_Atkins A3|Christiaan_Barnard S3|Christopher_Marlowe A1|
Clark_Ashton_Smith A2|Claude_Auchinleck P2|Claude_Monet A2|Clifford_Ball_(aviation) P2|Clyde_Tombaugh S3|
Constantin_Brâncuși A2|Constantin_von_Tischendorf S2|Daniel_Defoe A1|Dave_Brubeck A3|
David_Beatty,_1st_Earl_Beatty P2|David_Brewster S1|David_Hilbert S2|Dwight_D._Eisenhower P2|Dziga_Vertov A2|
E._E._Smith A2|Ed_Wood A3|Edsger_W._Dijkstra S3|Edward_Gibbon S1|Edward_Jenner S1|Edward_Lear A2|
Edward_Sapir S2|Edwin_Hubble S2|Eli_Whitney S1|Elizabeth_Garrett_Anderson S2|Emma_Barrett_Molloy P2|Erasmus S1|
Eric_Gugler A2|Eric_Hoffer S2|Ernest_Hemingway A2|Ernest_Rutherford S2|Ernst_Haeckel S2|Erwin_Rommel P2|
Ethan_Allen P1|Eugène_Viollet-le-Duc A2|Eve_Arden A3|Fay_Wray A3|Ferdinand_de_Saussure S2|
Fiorello_H._La_Guardia P2|Forrest_J_Ackerman A3|Francis_Crick S3|Francis_Scott_Key P1|Francisco_I._Madero P2|
Frank_Zappa A3|Franz_Boas S2|François_Truffaut A3|Fred_Hoyle S3|Frederick_J._Bancroft S2|Fridtjof_Nansen P2|
Frédéric_Bastiat S1|Gary_Coleman A3|Gene_Roddenberry A3|Geoffrey_Chaucer A1|Georg_Cantor S2|George_Gershwin A2|
George_Hamilton-Gordon,_4th_Earl_of_Aberdeen P1|George_Washington P1|George_Washington_Carver S2|
Georgius_Agricola S1|Ger_C._Bout P3|Gerald_Gardner_(Wiccan) P2|Gian_Lorenzo_Bernini A1|Glenn_T._Seaborg S3|
Grace_Hopper S3|Graham_Chapman A3|Gyula_Andrássy P2|Hansie_Cronje P3|Harold_Alexander,_1st_Earl_Alexander_of_Tunis P2|
Harry_Secombe A3|Heinrich_Schliemann S2|Henri_Bergson S2|Henryk_Sienkiewicz A2|Hermann_Ebbinghaus S2|
Howard_Hughes P3|Humphry_Davy S1|Hunter_S._Thompson A3|Ibn_Battuta P1|Immanuel_Kant S1|Isaac_Albéniz A2|
J._Philippe_Rushton S3|James_Cook P1|James_Hutton S1|James_Madison P1|James_Thurber A2|James_Watt S1|
James_Whale A2|Jan_Hus P1|Janis_Joplin A3|Jawaharlal_Nehru P2|Jerry_Lewis A3|Jimi_Hendrix A3|Joe_Orton A3|
John_Calvin P1|John_F._R._Seitz P3|John_Frankenheimer A3|John_Graves_Simcoe P1|John_Masefield A2|John_Newton P1|
John_Peel A3|John_Updike A3|John_Wilkes_Booth P2|John_Wycliffe P1|Jonathan_Demme A3|Joseph_Greenberg S3|
Joseph_Haydn A1|Joseph_Lister S2|Joseph_Schumpeter S2|Josip_Broz_Tito P2|Karl_Benz S2|Karlheinz_Stockhausen A3|
Kathy_Acker A3|Klaus_Fuchs S3|Konrad_Zuse S3|Kurt_Cobain A3|Kurt_Gödel S3|Kurt_Waldheim P3|Käte_Duncker P2|
L._Ron_Hubbard P3|Lafcadio_Hearn A2|Lead_Belly A2|Leni_Riefenstahl A3|Leonard_Melki P2|Louis_Agassiz S2|
Luigi_Pirandello A2|Léon_Theremin S2|Mahatma_Gandhi P2|Mao_Zedong P2|Marc_Bloch S2|Margaret_Mead S3|
Margaret_Mitchell A3|Margaret_Murray S2|Maria_Eleonora_of_Brandenburg P1|Marietta_Alboni A2|Mary_Pickford A2|
Mary_Tyler_Moore A3|Max_Planck S2|Michael_Bentine A3|Michael_Foot P3|Michael_Halliday S3|Michael_Hutchence A3|
Mikhail_Kalashnikov S3|Milton_Friedman S3|Muhammad_ibn_Abd_al-Wahhab P1|Murray_Rothbard S3|Mychal_Judge P3|
Nathaniel_Hawthorne A2|Nichiren P1|Nicholas_Gaynesford P1|Nicolas_Léonard_Sadi_Carnot S1|Niklas_Luhmann S3|
Noah_Webster S1|Norbert_Prangenberg A3|Nostradamus S1|Oscar_Hammerstein_II A2|Oscar_Peterson A3|
Oswald_Spengler S2|Ouyang_Sha-fei A3|Pablo_Picasso A2|Patrick_Macnee A3|Philip_Henry_Gosse S2|
Philipp_Franz_von_Siebold S1|Pol_Pot P3|Pyotr_Ilyich_Tchaikovsky A2|R._B._Bennett P2|Rashi P1|
Reinhard_Heydrich P3|Richard_Feynman S3|Richard_of_Saint_Victor P1|Roald_Amundsen P2|Robert_E._Lee P2|
Robert_J._Flaherty A2|Roman_Jakobson S2|Romuald_Rajs P3|Ronald_Coase S3|Rosa_Parks P3|Sabine_Baring-Gould P2|
Sergei_Prokofiev A2|Solomon_Northup P2|Spike_Milligan A3|Stanisław_Lem A3|Stanley_Kubrick A3|
Stephen_Jay_Gould S3|Steve_Biko P3|Stéphane_Mallarmé A2|Susan_B._Anthony P2|Sylvia_Plath A3|
Thomas_Henry_Huxley S2|Thomas_Jefferson P1|William_Crookes S2|William_M._Tweed P2|William_Pūnohu_White P2|
Zenzl_Mühsam P2|Évariste_Galois S2
"""


def strata() -> dict[str, str]:
    out = {}
    for item in STRATA.replace("\n", "").split("|"):
        item = item.strip()
        if item:
            stem, label = item.rsplit(" ", 1)
            out[stem + ".md"] = label
    return out


def draw(files: list[str], seed: int = SEED, blind: int = BLIND) -> dict:
    labels = strata()
    missing = sorted(set(files) - set(labels))
    if missing:
        raise SystemExit(f"no stratum for {len(missing)} file(s), e.g. {missing[0]}: add them to STRATA.")
    groups: dict[str, list[str]] = defaultdict(list)
    for f in sorted(files):
        groups[labels[f]].append(f)
    rng = random.Random(seed)
    chosen: list[str] = []
    for key in sorted(groups):
        names = groups[key][:]
        rng.shuffle(names)
        chosen += names[: math.ceil(len(names) * blind / len(files))]
    return {"seed": seed, "blind": sorted(chosen), "dev": sorted(set(files) - set(chosen)),
            "strata": {k: {"all": len(v), "blind": sum(1 for f in v if f in chosen)} for k, v in sorted(groups.items())}}


def main() -> int:
    if not PAGES.is_dir():
        print(f"{PAGES} not found: run from a checkout beside ../shared.", file=sys.stderr)
        return 1
    files = sorted(p.name for p in PAGES.glob("*.md"))  # names only: no page is opened
    split = draw(files)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(split, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(split['blind'])} blind, {len(split['dev'])} dev -> {OUT.relative_to(ROOT)}")
    for k, v in split["strata"].items():
        print(f"  {k}: {v['blind']}/{v['all']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
