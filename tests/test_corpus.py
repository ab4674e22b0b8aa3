import json

from kg.corpus import Skipped, read_corpus
from kg.model import Document


def _split(items):
    docs = [i for i in items if isinstance(i, Document)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    return docs, skipped


def test_folder_with_metadata_and_bad_files(tmp_path):
    (tmp_path / "a.txt").write_text("قصفت الطائرات الروسية بلدة كفرنبل.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes("سوريا".encode("cp1256"))
    (tmp_path / "d.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "metadata.jsonl").write_text(
        json.dumps({"id": "a", "date": "2019-05-02", "source": "sana", "title": "t"}) + "\n",
        encoding="utf-8",
    )
    docs, skipped = _split(list(read_corpus([tmp_path, tmp_path / "missing"])))
    assert [d.id for d in docs] == ["a"]
    assert docs[0].date == "2019-05-02" and docs[0].source == "sana"
    assert docs[0].date_source == "metadata"
    reasons = {s.origin.rsplit("/", 1)[-1]: s.reason for s in skipped}
    assert reasons["b.txt"] == "empty file"
    assert reasons["c.txt"].startswith("not UTF-8")
    assert reasons["d.txt"].startswith("binary")
    assert reasons["missing"] == "no such file or folder"


def test_jsonl_and_csv(tmp_path):
    jl = tmp_path / "docs.jsonl"
    jl.write_text(
        "\n".join([
            json.dumps({"id": "1", "text": "نص أول", "date": "2018-09-04T10:00:00"}),
            "{not json",
            json.dumps({"id": "2", "text": ""}),
            json.dumps({"id": "3", "text": "نص", "date": "4 أيلول"}),
        ]),
        encoding="utf-8",
    )
    cs = tmp_path / "docs.csv"
    cs.write_text("id,date,text\n4,2020-07,نص رابع\n1,2020,مكرر\n", encoding="utf-8")
    docs, skipped = _split(list(read_corpus([jl, cs])))
    assert [(d.id, d.date) for d in docs] == [("1", "2018-09-04"), ("4", "2020-07")]
    reasons = sorted(s.reason.split(":")[0].split(" ")[0] for s in skipped)
    assert len(skipped) == 4  # bad JSON, no text, bad date, duplicate id
    assert any("duplicate document id" in s.reason for s in skipped)
    assert any("not ISO" in s.reason for s in skipped)
    assert reasons


def test_unknown_suffix(tmp_path):
    p = tmp_path / "x.pdf"
    p.write_text("%PDF", encoding="utf-8")
    docs, skipped = _split(list(read_corpus([p])))
    assert not docs and "unknown input type .pdf" in skipped[0].reason
