import pytest

from accord.ontology import Ontology


@pytest.fixture(scope="module")
def onto():
    return Ontology()


def test_cameo_codes_carry_quadclass_and_goldstein(onto):
    sign = onto.cameo_info("057")
    assert (sign.root, sign.quad_class, sign.goldstein) == ("05", 1, 8.0)
    assert onto.cameo_info("163").quad_class == 4
    assert len(onto.cameo) > 300


def test_missing_goldstein_takes_the_parents(onto):
    assert onto.cameo_info("1213").goldstein == onto.cameo_info("121").goldstein


def test_unknown_subcode_falls_back_to_parent(onto):
    assert onto.cameo_info("0579").name == onto.cameo_info("057").name
    with pytest.raises(KeyError):
        onto.cameo_info("999")


def test_cameo_to_plover(onto):
    assert onto.plover_for("057") == ("AGREE", None)
    assert onto.plover_for("043") == ("CONSULT", "visit")
    assert onto.plover_for("163")[0] == "SANCTION"
    assert onto.plover_for("1123")[0] == "ACCUSE"
    assert onto.plover_for("173") == ("COERCE", "arrest")
    assert onto.plover_for("010") == (None, None)
    for code in onto.cameo:
        ptype, mode = onto.plover_for(code)
        if ptype:
            assert ptype in onto.plover_types
            assert mode is None or mode in onto.plover_types[ptype].modes, (code, ptype, mode)


def test_recipient_requirements(onto):
    assert onto.requires_recipient("SANCTION") and not onto.requires_recipient("CONSULT")
