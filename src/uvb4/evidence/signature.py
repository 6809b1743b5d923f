"""Kazakh e-signature files (NCALayer): CMS/PKCS#7 SignedData, attached or detached.

:func:`read_signatures` takes the bytes of a ``.cms``/``.p7s`` file (DER, PEM or
bare base64 text) and returns one :class:`SignerInfo` per signer: who signed
(IIN from the subject ``SERIALNUMBER=IIN…``, BIN from ``OU=BIN…``, names), when
(the ``signingTime`` signed attribute), with what, and whether the signature
checks out.

``verified`` is ``True``/``False`` only for RSA signatures (PKCS#1 v1.5 or PSS)
when the signed content is at hand (attached ``eContent``, or the ``content``
argument for a detached signature): the content digest is compared with the
``messageDigest`` attribute and the RSA signature over the signed attributes is
checked against the public key of the *embedded* signer certificate.  GOST
34.310-2004 / 34.10-2015 signatures, other algorithms and detached signatures
without content give ``None``.  ``True`` says nothing about trust: the
certificate chain up to the NCA root, revocation (OCSP/CRL) and the certificate's
validity at signing time are not checked here (``not_before``/``not_after`` and
``signing_time`` are returned for the caller to compare).

A file that cannot be read raises :class:`SignatureError` with a message in
the current language (``uvb4.messages``); callers turn it into a finding.

asn1crypto and cryptography are imported inside the functions: importing this
module must stay cheap for the CLI start-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from uvb4.messages import t

__all__ = ["SignatureError", "SignerInfo", "read_signatures"]

# Readable names for the algorithm identifiers met in Kazakh (NCA RK / Kalkan) and
# international signatures; anything else is reported as asn1crypto's name or the dotted OID.
_DIGEST_NAMES = {
    "md5": "MD5",
    "sha1": "SHA-1",
    "sha224": "SHA-224",
    "sha256": "SHA-256",
    "sha384": "SHA-384",
    "sha512": "SHA-512",
    "sha512_224": "SHA-512/224",
    "sha512_256": "SHA-512/256",
    "sha3_224": "SHA3-224",
    "sha3_256": "SHA3-256",
    "sha3_384": "SHA3-384",
    "sha3_512": "SHA3-512",
    "1.2.398.3.10.1.3.1": "GOST 34.311-95",
    "1.2.398.3.10.1.3.2": "GOST 34.11-2015 (256)",
    "1.2.398.3.10.1.3.3": "GOST 34.11-2015 (512)",
    "1.2.643.2.2.9": "GOST R 34.11-94",
    "1.2.643.7.1.1.2.2": "GOST R 34.11-2012 (256)",
    "1.2.643.7.1.1.2.3": "GOST R 34.11-2012 (512)",
}

_SIGNATURE_NAMES = {
    "1.2.398.3.10.1.1.1.1": "GOST 34.310-2004",
    "1.2.398.3.10.1.1.1.2": "GOST 34.310-2004",
    "1.2.398.3.10.1.1.2.1": "GOST 34.10-2015 (256)",
    "1.2.398.3.10.1.1.2.2": "GOST 34.10-2015 (512)",
    "1.2.398.3.10.1.1.2.3.1": "GOST 34.10-2015 (256)",
    "1.2.398.3.10.1.1.2.3.2": "GOST 34.10-2015 (512)",
    "1.2.643.2.2.3": "GOST R 34.10-2001",
    "1.2.643.2.2.19": "GOST R 34.10-2001",
    "1.2.643.7.1.1.1.1": "GOST R 34.10-2012 (256)",
    "1.2.643.7.1.1.1.2": "GOST R 34.10-2012 (512)",
    "1.2.643.7.1.1.3.2": "GOST R 34.10-2012 (256)",
    "1.2.643.7.1.1.3.3": "GOST R 34.10-2012 (512)",
}

# asn1crypto's family name (SignedDigestAlgorithm.signature_algo) -> label.
_FAMILY_NAMES = {
    "rsassa_pkcs1v15": "RSA",
    "rsassa_pss": "RSA-PSS",
    "dsa": "DSA",
    "ecdsa": "ECDSA",
    "ed25519": "Ed25519",
    "ed448": "Ed448",
}

_IIN = re.compile(r"^\s*IIN\s*(\d{12})\s*$", re.IGNORECASE)
_BIN = re.compile(r"^\s*BIN\s*(\d{12})\s*$", re.IGNORECASE)
_PEM_BEGIN = re.compile(rb"-----BEGIN [^-\r\n]*-----")
_PEM_END = re.compile(rb"-----END [^-\r\n]*-----")
_BASE64_TEXT = re.compile(rb"^[A-Za-z0-9+/=\s]+$")


class SignatureError(Exception):
    """The file is not a readable CMS/PKCS#7 signature; ``str()`` is a message in the current language."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(t("bad-signature.file", detail=detail))


@dataclass(frozen=True)
class SignerInfo:
    """One signer of a CMS file, as far as the file itself tells.

    ``certificate_serial`` is the signer certificate's serial number in upper-case
    hex (as Kalkan/NCALayer show it); datetimes are timezone-aware (UTC).
    ``verified``: ``None`` = not checked (GOST or another non-RSA algorithm, or a
    detached signature given without its content); ``True``/``False`` = the RSA
    signature and the content digest do / do not match.
    """

    iin: str | None
    bin: str | None
    common_name: str | None
    surname: str | None
    given_name: str | None
    organisation: str | None
    signing_time: datetime | None
    digest_algorithm: str
    signature_algorithm: str
    certificate_serial: str
    not_before: datetime
    not_after: datetime
    verified: bool | None


# a detached signature's document: its bytes, or a function returning its content in chunks
Content = bytes | Callable[[], Iterable[bytes]] | None


def read_signatures(data: bytes, content: Content = None) -> list[SignerInfo]:
    """Every signer of the CMS SignedData in ``data`` (DER, PEM or base64 text).

    ``content`` is the signed document for a detached signature: its bytes, or a
    function returning its content in chunks, which is streamed into the digest
    (a signed video is never held in memory); when the file carries its content
    (attached), that embedded content is what is checked.
    Raises :class:`SignatureError` when the file cannot be read, and
    :class:`OSError` when the streamed document cannot.
    """
    der = _to_der(bytes(data))
    try:
        return _read(der, content)
    except (SignatureError, OSError):
        raise
    except Exception as exc:  # asn1crypto parses lazily: corruption surfaces anywhere below
        raise SignatureError(t("bad-signature.corrupt")) from exc


# --- decoding the container -------------------------------------------------------------


def _to_der(data: bytes) -> bytes:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise SignatureError(t("bad-signature.empty"))
    if data[:1] == b"\x30":
        return data
    text = data.strip()
    begin = _PEM_BEGIN.search(text)
    if begin is not None:
        end = _PEM_END.search(text, begin.end())
        if end is None:
            raise SignatureError(t("bad-signature.pem-unterminated"))
        body = text[begin.end() : end.start()]
        lines = [ln for ln in body.splitlines() if b":" not in ln]  # drop PEM headers (Key: value)
        return _b64(b"".join(lines))
    if _BASE64_TEXT.match(text):
        return _b64(text)
    raise SignatureError(t("bad-signature.not-cms"))


def _b64(text: bytes) -> bytes:
    import base64
    import binascii

    compact = b"".join(text.split())
    compact += b"=" * (-len(compact) % 4 if len(compact) % 4 != 1 else 0)  # tolerate lost padding
    try:
        der = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise SignatureError(t("bad-signature.bad-base64")) from exc
    if der[:1] != b"\x30":
        raise SignatureError(t("bad-signature.base64-not-cms"))
    return der


# --- reading SignedData -----------------------------------------------------------------


def _read(der: bytes, content: Content) -> list[SignerInfo]:
    from asn1crypto import cms, core

    try:
        info = cms.ContentInfo.load(der, strict=True)
        content_type = info["content_type"].native
    except Exception as exc:
        try:
            core.load(der, strict=True)
        except Exception:
            raise SignatureError(t("bad-signature.truncated")) from exc
        raise SignatureError(t("bad-signature.asn1-not-cms")) from exc
    if content_type != "signed_data":
        raise SignatureError(t("bad-signature.not-signed-data", content_type=content_type))
    signed = info["content"]
    encap = signed["encap_content_info"]
    attached = _attached_content(encap)
    if attached is not None:
        content = attached
    certificates = (
        []
        if isinstance(signed["certificates"], core.Void)
        else [c.chosen for c in signed["certificates"] if c.name == "certificate"]
    )
    signer_infos = list(signed["signer_infos"])
    if not signer_infos:
        raise SignatureError(t("bad-signature.no-signer"))
    result = []
    for number, signer in enumerate(signer_infos, start=1):
        cert = _find_certificate(signer["sid"], certificates)
        if cert is None:
            raise SignatureError(t("bad-signature.no-certificate", number=number))
        result.append(_signer(signer, cert, content, encap["content_type"].dotted))
    return result


def _attached_content(encap: Any) -> bytes | None:
    from asn1crypto import core

    value = encap["content"]
    if isinstance(value, core.Void):
        return None
    raw = value.native  # merges the chunks of a constructed (BER) OCTET STRING
    if isinstance(raw, bytes):
        return raw
    return value.contents  # pragma: no cover - a parsed, non-data eContent


def _find_certificate(sid: Any, certificates: list[Any]) -> Any | None:
    if sid.name == "issuer_and_serial_number":
        issuer = sid.chosen["issuer"]
        serial = sid.chosen["serial_number"].native
        for cert in certificates:
            tbs = cert["tbs_certificate"]
            if tbs["serial_number"].native == serial and tbs["issuer"] == issuer:
                return cert
        return None
    wanted = sid.chosen.native
    for cert in certificates:
        if cert.key_identifier == wanted:
            return cert
    return None


def _signer(signer: Any, cert: Any, content: Content, encap_type: str) -> SignerInfo:
    tbs = cert["tbs_certificate"]
    subject = _subject(tbs["subject"])
    iin = next((m.group(1) for v in subject.get("serial_number", []) if (m := _IIN.match(v))), None)
    bin_ = next((m.group(1) for v in subject.get("organizational_unit_name", []) if (m := _BIN.match(v))), None)

    def first(key: str) -> str | None:
        return next(iter(subject.get(key, [])), None)

    validity = tbs["validity"]
    return SignerInfo(
        iin=iin,
        bin=bin_,
        common_name=first("common_name"),
        surname=first("surname"),
        given_name=first("given_name"),
        organisation=first("organization_name"),
        signing_time=_signing_time(signer),
        digest_algorithm=_digest_name(signer["digest_algorithm"]),
        signature_algorithm=_signature_name(signer["signature_algorithm"]),
        certificate_serial=format(tbs["serial_number"].native, "X"),
        not_before=validity["not_before"].native,
        not_after=validity["not_after"].native,
        verified=_verify(signer, cert, content, encap_type),
    )


def _subject(name: Any) -> dict[str, list[str]]:
    """Attribute name -> every string value, in certificate order (multi-valued RDNs included)."""
    values: dict[str, list[str]] = {}
    for rdn in name.chosen:
        for atv in rdn:
            try:
                value = atv["value"].native
            except Exception:  # an undecodable value of an attribute we do not use
                continue
            if isinstance(value, str):
                values.setdefault(atv["type"].native, []).append(value.strip())
    return values


def _signed_attr(signer: Any, name: str) -> Any | None:
    from asn1crypto import core

    attrs = signer["signed_attrs"]
    if isinstance(attrs, core.Void):
        return None
    for attr in attrs:
        if attr["type"].native == name:
            values = attr["values"]
            return values[0] if len(values) else None
    return None


def _signing_time(signer: Any) -> datetime | None:
    value = _signed_attr(signer, "signing_time")
    return None if value is None else value.native


def _digest_name(algorithm: Any) -> str:
    name = algorithm["algorithm"].native
    return _DIGEST_NAMES.get(name, name)


def _signature_name(algorithm: Any) -> str:
    oid = algorithm["algorithm"].dotted
    if oid in _SIGNATURE_NAMES:
        return _SIGNATURE_NAMES[oid]
    try:
        return _FAMILY_NAMES.get(algorithm.signature_algo, algorithm.signature_algo)
    except ValueError:
        return algorithm["algorithm"].native


# --- verification (RSA only) ------------------------------------------------------------


def _hash(name: str) -> Any | None:
    from cryptography.hazmat.primitives import hashes

    factories: dict[str, Callable[[], hashes.HashAlgorithm]] = {
        "md5": hashes.MD5,
        "sha1": hashes.SHA1,
        "sha224": hashes.SHA224,
        "sha256": hashes.SHA256,
        "sha384": hashes.SHA384,
        "sha512": hashes.SHA512,
        "sha512_224": hashes.SHA512_224,
        "sha512_256": hashes.SHA512_256,
        "sha3_224": hashes.SHA3_224,
        "sha3_256": hashes.SHA3_256,
        "sha3_384": hashes.SHA3_384,
        "sha3_512": hashes.SHA3_512,
    }
    factory = factories.get(name)
    return None if factory is None else factory()


def _digest_of(content: Any, digest: Any) -> bytes:
    from cryptography.hazmat.primitives import hashes

    hasher = hashes.Hash(digest)
    if callable(content):
        for chunk in content():
            hasher.update(chunk)
    else:
        hasher.update(content)
    return hasher.finalize()


def _verify(signer: Any, cert: Any, content: Any, encap_type: str) -> bool | None:
    """True/False for an RSA signature with content at hand; None when it cannot be checked."""
    if content is None:
        return None
    algorithm = signer["signature_algorithm"]
    try:
        family = algorithm.signature_algo
    except ValueError:  # GOST and anything else asn1crypto does not know
        return None
    if family not in ("rsassa_pkcs1v15", "rsassa_pss"):
        return None
    digest = _hash(signer["digest_algorithm"]["algorithm"].native)
    if digest is None:
        return None

    from asn1crypto import core
    from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa, utils

    attrs = signer["signed_attrs"]
    prehashed = False
    if isinstance(attrs, core.Void):  # the signature is over the content itself: verify its streamed digest
        signed_bytes = _digest_of(content, digest)
        prehashed = True
    else:
        expected = _signed_attr(signer, "message_digest")
        if expected is None:
            return False
        if _digest_of(content, digest) != expected.native:
            return False
        content_type = _signed_attr(signer, "content_type")
        if content_type is not None and content_type.dotted != encap_type:
            return False
        # The signature covers the DER of the attributes as a SET OF, not the [0] IMPLICIT tag.
        encoded = attrs.dump()
        signed_bytes = b"\x31" + encoded[1:]

    try:
        key = serialization.load_der_public_key(cert["tbs_certificate"]["subject_public_key_info"].dump())
    except (ValueError, UnsupportedAlgorithm):
        return False
    if not isinstance(key, rsa.RSAPublicKey):
        return False
    if family == "rsassa_pss":
        params = algorithm["parameters"]
        pss_hash = _hash(params["hash_algorithm"]["algorithm"].native)
        mgf_hash = _hash(params["mask_gen_algorithm"]["parameters"]["algorithm"].native)
        if pss_hash is None or mgf_hash is None:
            return None
        if pss_hash.name != digest.name:
            return False
        pad: Any = padding.PSS(mgf=padding.MGF1(mgf_hash), salt_length=params["salt_length"].native)
    else:
        pad = padding.PKCS1v15()
    try:
        key.verify(signer["signature"].native, signed_bytes, pad, utils.Prehashed(digest) if prehashed else digest)
    except InvalidSignature:
        return False
    except UnsupportedAlgorithm:
        return None
    return True
