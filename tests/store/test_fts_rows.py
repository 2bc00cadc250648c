"""Writing a document replaces its full-text rows; a new document's write leaves every other document's rows."""
from kronika.records import Document, Extraction
from kronika.store.db import Store


def _ex(name: str, text: str) -> Extraction:
    ex = Extraction(doc=Document(doc=name, sha256=str(hash(text)), text=text))
    ex.sentences = [(0, len(text))]
    return ex


def test_rewrite_replaces_fts_rows(tmp_path):
    st = Store(str(tmp_path / "k.db"), create=True)
    try:
        st.write_extractions([_ex("a", "Serge was born in Brussels."), _ex("b", "Trotsky was exiled.")], None)
        st.write_extractions([_ex("a", "Serge died in Mexico City.")], None)
        st.write_extractions([_ex("c", "Goldman was deported.")], None)
        rows = sorted(tuple(r) for r in st.conn.execute("SELECT doc, text FROM sentences_fts"))
        assert rows == [("a", "Serge died in Mexico City."), ("b", "Trotsky was exiled."), ("c", "Goldman was deported.")]
        assert st.remove_docs(["b"]) == 1
        assert sorted(r[0] for r in st.conn.execute("SELECT doc FROM sentences_fts")) == ["a", "c"]
        assert {r[0] for r in st.conn.execute("SELECT doc FROM dirty_docs")} == {"a", "b", "c"}
    finally:
        st.close()
