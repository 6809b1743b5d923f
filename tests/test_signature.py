"""CMS/PKCS#7 e-signature files: signer fields, RSA verification, input forms, broken files.

Every sample is built here with ``cryptography`` (a self-signed RSA CA and
signer certificates shaped like NCA RK ones: SERIALNUMBER=IIN…, OU=BIN…, CN,
SURNAME, GN, O).  GOST samples cannot be produced with ``cryptography``; an
RSA sample with its algorithm OIDs rewritten to the Kazakh GOST ones stands in
for them (asn1crypto re-encodes it).
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

from uvb4.evidence.signature import SignatureError, SignerInfo, read_signatures

DOC = "Сыбайлас жемқорлыққа қарсы іс-шаралар жоспары, 2025 ж.\n".encode()
IIN = "880101300123"
BIN = "791028302728"
SERIAL = 0x6C425659BD2FC6DC587B871AEDE1857727CF8451
PREFIX = "электрондық қолтаңба файлын оқу мүмкін емес: "
Opt = pkcs7.PKCS7Options


@dataclasses.dataclass
class Pki:
    ca: x509.Certificate
    cert: x509.Certificate
    key: rsa.RSAPrivateKey
    person: x509.Certificate  # an individual: no OU=BIN, no O
    person_key: rsa.RSAPrivateKey


def _name(*pairs: tuple[x509.ObjectIdentifier, str]) -> x509.Name:
    return x509.Name([x509.NameAttribute(oid, value) for oid, value in pairs])


def _cert(subject, key, issuer, issuer_key, serial, now):
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(serial)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(issuer_key, hashes.SHA256())
    )


@pytest.fixture(scope="module")
def pki() -> Pki:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = _name((NameOID.COMMON_NAME, "ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) TEST"), (NameOID.COUNTRY_NAME, "KZ"))
    ca = _cert(ca_name, ca_key, ca_name, ca_key, 1, now)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = _name(
        (NameOID.COMMON_NAME, "ТЕСТОВ ТЕСТ"),
        (NameOID.SURNAME, "ТЕСТОВ"),
        (NameOID.SERIAL_NUMBER, f"IIN{IIN}"),
        (NameOID.COUNTRY_NAME, "KZ"),
        (NameOID.ORGANIZATION_NAME, 'АО "ТЕСТ"'),
        (NameOID.ORGANIZATIONAL_UNIT_NAME, f"BIN{BIN}"),
        (NameOID.GIVEN_NAME, "ТЕСТОВИЧ"),
    )
    cert = _cert(subject, key, ca_name, ca_key, SERIAL, now)
    person_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    person_subject = _name(
        (NameOID.COMMON_NAME, "ЖЕКЕ АДАМ"),
        (NameOID.SURNAME, "ЖЕКЕ"),
        (NameOID.SERIAL_NUMBER, "IIN900202400456"),
        (NameOID.COUNTRY_NAME, "KZ"),
        (NameOID.GIVEN_NAME, "АДАМҰЛЫ"),
    )
    person = _cert(person_subject, person_key, ca_name, ca_key, 0xABCDEF, now)
    return Pki(ca, cert, key, person, person_key)


def _sign(
    pki: Pki,
    *,
    data: bytes = DOC,
    detached: bool = False,
    encoding=serialization.Encoding.DER,
    extra: tuple = (),
    hash_algorithm=None,
    rsa_padding=None,
    person: bool = False,
) -> bytes:
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data)
    cert, key = (pki.person, pki.person_key) if person else (pki.cert, pki.key)
    kwargs = {} if rsa_padding is None else {"rsa_padding": rsa_padding}
    builder = builder.add_signer(cert, key, hash_algorithm or hashes.SHA256(), **kwargs).add_certificate(pki.ca)
    options = [Opt.Binary, *extra] + ([Opt.DetachedSignature] if detached else [])
    return builder.sign(encoding, options)


def _edit(der: bytes, change) -> bytes:
    """Re-encode ``der`` after ``change(signer_info)`` edits its first SignerInfo in place."""
    info = cms.ContentInfo.load(der)
    change(info["content"]["signer_infos"][0])
    return info.dump(force=True)


def _only(signers: list[SignerInfo]) -> SignerInfo:
    assert len(signers) == 1
    return signers[0]


# --- start-up -------------------------------------------------------------------------------


def test_import_keeps_asn1crypto_and_cryptography_out():
    code = (
        "import sys, json; import uvb4.evidence.signature; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & {'asn1crypto', 'cryptography'})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []


# --- fields -----------------------------------------------------------------------------------


def test_fields_of_an_organisation_employee(pki):
    before = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2)
    signer = _only(read_signatures(_sign(pki, detached=True), DOC))
    assert signer.iin == IIN
    assert signer.bin == BIN
    assert signer.common_name == "ТЕСТОВ ТЕСТ"
    assert signer.surname == "ТЕСТОВ"
    assert signer.given_name == "ТЕСТОВИЧ"
    assert signer.organisation == 'АО "ТЕСТ"'
    assert signer.digest_algorithm == "SHA-256"
    assert signer.signature_algorithm == "RSA"
    assert signer.certificate_serial == "6C425659BD2FC6DC587B871AEDE1857727CF8451"
    assert signer.not_before == pki.cert.not_valid_before_utc
    assert signer.not_after == pki.cert.not_valid_after_utc
    assert signer.signing_time is not None and signer.signing_time.tzinfo is not None
    assert before <= signer.signing_time <= dt.datetime.now(dt.UTC) + dt.timedelta(minutes=2)
    assert signer.verified is True


def test_individual_without_bin_or_organisation(pki):
    signer = _only(read_signatures(_sign(pki, person=True)))
    assert (signer.iin, signer.bin, signer.organisation) == ("900202400456", None, None)
    assert (signer.common_name, signer.surname, signer.given_name) == ("ЖЕКЕ АДАМ", "ЖЕКЕ", "АДАМҰЛЫ")
    assert signer.certificate_serial == "ABCDEF"
    assert signer.verified is True


def test_signer_info_is_frozen(pki):
    signer = _only(read_signatures(_sign(pki)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        signer.verified = False  # type: ignore[misc]


def test_two_signers(pki):
    der = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(DOC)
        .add_signer(pki.cert, pki.key, hashes.SHA256())
        .add_signer(pki.person, pki.person_key, hashes.SHA512())
        .sign(serialization.Encoding.DER, [Opt.Binary, Opt.DetachedSignature])
    )
    signers = read_signatures(der, DOC)
    assert [(s.iin, s.bin, s.digest_algorithm) for s in signers] == [
        (IIN, BIN, "SHA-256"),
        ("900202400456", None, "SHA-512"),
    ]
    assert [s.verified for s in signers] == [True, True]
    assert [s.verified for s in read_signatures(der, DOC + b"!")] == [False, False]
    assert [s.verified for s in read_signatures(der)] == [None, None]


def test_signer_found_by_subject_key_identifier(pki):
    ski = pki.cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest

    def by_ski(si):
        si["sid"] = cms.SignerIdentifier(name="subject_key_identifier", value=ski)
        si["version"] = "v3"

    der = _edit(_sign(pki, detached=True), by_ski)
    assert cms.ContentInfo.load(der)["content"]["signer_infos"][0]["sid"].name == "subject_key_identifier"
    signer = _only(read_signatures(der, DOC))
    assert (signer.iin, signer.verified) == (IIN, True)


# --- verification ---------------------------------------------------------------------------


def test_detached_verification_needs_the_content(pki):
    der = _sign(pki, detached=True)
    assert _only(read_signatures(der, DOC)).verified is True
    assert _only(read_signatures(der, DOC.replace(b"2025", b"2026"))).verified is False
    assert _only(read_signatures(der, b"")).verified is False
    assert _only(read_signatures(der)).verified is None


def test_attached_content_is_what_gets_checked(pki):
    der = _sign(pki)
    assert _only(read_signatures(der)).verified is True
    # the embedded content wins over a content argument
    assert _only(read_signatures(der, b"something else")).verified is True


def test_tampered_attached_content_fails(pki):
    der = _sign(pki)
    assert der.count(b"2025") == 1
    assert _only(read_signatures(der.replace(b"2025", b"2026"))).verified is False


def test_tampered_signed_attributes_fail(pki):
    """The digest still matches; only the RSA signature over the attributes catches this."""

    def move_signing_time(si):
        for attr in si["signed_attrs"]:
            if attr["type"].native == "signing_time":
                old = attr["values"][0].native
                attr["values"] = [cms.Time(name="utc_time", value=old - dt.timedelta(days=30))]

    der = _edit(_sign(pki), move_signing_time)
    signer = _only(read_signatures(der))
    assert signer.signing_time is not None
    assert signer.verified is False


def test_tampered_signature_value_fails(pki):
    def flip(si):
        value = bytearray(si["signature"].native)
        value[-1] ^= 0x01
        si["signature"] = bytes(value)

    assert _only(read_signatures(_edit(_sign(pki), flip))).verified is False


def test_reencoding_without_changes_still_verifies(pki):
    """Guards the helpers above: asn1crypto's re-encoding alone does not break a signature."""
    assert _only(read_signatures(_edit(_sign(pki), lambda si: None))).verified is True


def test_without_signed_attributes_the_content_itself_is_signed(pki):
    der = _sign(pki, detached=True, extra=(Opt.NoAttributes,))
    signer = _only(read_signatures(der, DOC))
    assert signer.signing_time is None
    assert signer.verified is True
    assert _only(read_signatures(der, DOC + b" ")).verified is False


@pytest.mark.parametrize(("algorithm", "label"), [(hashes.SHA384(), "SHA-384"), (hashes.SHA512(), "SHA-512")])
def test_other_rsa_digests(pki, algorithm, label):
    signer = _only(read_signatures(_sign(pki, hash_algorithm=algorithm)))
    assert (signer.digest_algorithm, signer.verified) == (label, True)


def test_rsa_pss(pki):
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH)
    der = _sign(pki, detached=True, rsa_padding=pss)
    signer = _only(read_signatures(der, DOC))
    assert (signer.signature_algorithm, signer.verified) == ("RSA-PSS", True)
    assert _only(read_signatures(der, DOC[:-1])).verified is False


@pytest.mark.parametrize(
    ("signature_oid", "digest_oid", "signature_label", "digest_label"),
    [
        ("1.2.398.3.10.1.1.1.2", "1.2.398.3.10.1.3.1", "GOST 34.310-2004", "GOST 34.311-95"),
        ("1.2.398.3.10.1.1.2.3.2", "1.2.398.3.10.1.3.3", "GOST 34.10-2015 (512)", "GOST 34.11-2015 (512)"),
        ("1.2.3.4.5.6", "1.2.3.4.5.7", "1.2.3.4.5.6", "1.2.3.4.5.7"),
    ],
)
def test_gost_and_unknown_algorithms_are_not_verified(pki, signature_oid, digest_oid, signature_label, digest_label):
    def relabel(si):
        si["signature_algorithm"] = {"algorithm": signature_oid}
        si["digest_algorithm"] = {"algorithm": digest_oid}

    signer = _only(read_signatures(_edit(_sign(pki), relabel)))
    assert (signer.signature_algorithm, signer.digest_algorithm) == (signature_label, digest_label)
    assert signer.verified is None
    assert signer.iin == IIN  # the fields are still read


def test_gost_signature_with_a_known_digest_is_still_not_verified(pki):
    def relabel(si):
        si["signature_algorithm"] = {"algorithm": "1.2.398.3.10.1.1.2.3.1"}

    signer = _only(read_signatures(_edit(_sign(pki), relabel)))
    assert (signer.signature_algorithm, signer.digest_algorithm, signer.verified) == (
        "GOST 34.10-2015 (256)",
        "SHA-256",
        None,
    )


# --- input forms ----------------------------------------------------------------------------


def test_pem_pkcs7(pki):
    pem = _sign(pki, encoding=serialization.Encoding.PEM)
    assert pem.startswith(b"-----BEGIN PKCS7-----")
    assert _only(read_signatures(pem)).verified is True


def test_pem_cms_label_with_crlf_and_surrounding_text(pki):
    body = base64.encodebytes(_sign(pki, detached=True)).replace(b"\n", b"\r\n")
    pem = b"signature follows\r\n-----BEGIN CMS-----\r\n" + body + b"-----END CMS-----\r\n"
    signer = _only(read_signatures(pem, DOC))
    assert (signer.iin, signer.verified) == (IIN, True)


def test_bare_base64_with_newlines(pki):
    text = base64.encodebytes(_sign(pki))  # 76-column lines
    assert text.count(b"\n") > 5
    assert _only(read_signatures(b"\n  " + text + b"\n\n")).verified is True


def test_bare_base64_one_line_with_bom(pki):
    text = b"\xef\xbb\xbf" + base64.b64encode(_sign(pki, detached=True))
    assert _only(read_signatures(text, DOC)).verified is True


def test_base64_without_padding(pki):
    text = base64.b64encode(_sign(pki)).rstrip(b"=")
    assert _only(read_signatures(text)).iin == IIN


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl command not available")
def test_openssl_streamed_ber_and_cms_pem(pki, tmp_path: Path):
    """Indefinite-length BER with a chunked eContent (as Java/OpenSSL streaming writes it)."""
    (tmp_path / "doc").write_bytes(DOC)
    (tmp_path / "cert.pem").write_bytes(pki.cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "key.pem").write_bytes(
        pki.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    common = [
        "openssl",
        "cms",
        "-sign",
        "-binary",
        "-in",
        str(tmp_path / "doc"),
        "-signer",
        str(tmp_path / "cert.pem"),
        "-inkey",
        str(tmp_path / "key.pem"),
    ]
    subprocess.run(
        [*common, "-nodetach", "-stream", "-outform", "DER", "-out", str(tmp_path / "a.cms")],
        check=True,
        capture_output=True,
    )
    subprocess.run([*common, "-outform", "PEM", "-out", str(tmp_path / "d.pem")], check=True, capture_output=True)
    ber = (tmp_path / "a.cms").read_bytes()
    assert ber[:2] == b"\x30\x80"  # indefinite length
    assert _only(read_signatures(ber)).verified is True
    pem = (tmp_path / "d.pem").read_bytes()
    assert pem.startswith(b"-----BEGIN CMS-----")
    assert _only(read_signatures(pem, DOC)).verified is True
    assert _only(read_signatures(pem, DOC + b"x")).verified is False


# --- unreadable files -------------------------------------------------------------------------


def _error(data: bytes) -> str:
    with pytest.raises(SignatureError) as caught:
        read_signatures(data)
    message = str(caught.value)
    assert message.startswith(PREFIX)
    assert len(message) > len(PREFIX)
    return message


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"  \n",
        b"hello, this is not a signature",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        bytes(range(256)),
        b"\x30\x03\x02\x01",  # a SEQUENCE that is not a ContentInfo
        base64.b64encode(b"plain text, not DER"),
        b"TUlJ!!!not base64",
    ],
    ids=["empty", "blank", "text", "pdf", "binary", "short-der", "base64-of-text", "bad-base64"],
)
def test_garbage_raises_signature_error(data):
    _error(data)


def test_empty_message_is_specific():
    assert _error(b"") == PREFIX + "файл бос"


@pytest.mark.parametrize("keep", [0.02, 0.3, 0.5, 0.9, 0.999])
def test_truncated_file_raises(pki, keep):
    der = _sign(pki)
    assert "толық емес" in _error(der[: max(1, int(len(der) * keep))])
    _error(base64.b64encode(der[: int(len(der) * keep) or 1]))


def test_pem_without_end_line_raises(pki):
    pem = _sign(pki, encoding=serialization.Encoding.PEM)
    assert "PEM" in _error(pem[: pem.index(b"-----END")])


def test_certificate_instead_of_cms_raises(pki):
    assert "CMS/PKCS#7 қолтаңбасы емес" in _error(pki.cert.public_bytes(serialization.Encoding.DER))
    assert "CMS/PKCS#7 қолтаңбасы емес" in _error(pki.cert.public_bytes(serialization.Encoding.PEM))


def test_content_info_of_another_type_raises():
    data = cms.ContentInfo({"content_type": "data", "content": b"x"}).dump()
    assert "SignedData" in _error(data)


def test_missing_signer_certificate_raises(pki):
    der = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(DOC)
        .add_signer(pki.cert, pki.key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [Opt.Binary, Opt.NoCerts])
    )
    assert "сертификат" in _error(der)


def test_signed_data_without_signers_raises(pki):
    certs_only = pkcs7.serialize_certificates([pki.cert, pki.ca], serialization.Encoding.DER)
    assert "қол қоюшы жоқ" in _error(certs_only)


def test_corrupted_inner_structure_raises(pki):
    """Lazily parsed parts (here the certificate) fail inside, not at load time."""
    der = bytearray(_sign(pki))
    at = bytes(der).index(pki.cert.public_bytes(serialization.Encoding.DER)[:8])
    der[at + 4 : at + 6] = b"\xff\xff"  # the TBSCertificate header of the signer certificate
    with pytest.raises(SignatureError):
        read_signatures(bytes(der))
