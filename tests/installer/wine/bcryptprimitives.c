/* A stand-in for Windows' bcryptprimitives.dll, for the installer test under Wine 8.0 only (Debian 12).
   Rust-built extension modules (pydantic-core, cryptography) import ProcessPrng from it; every
   Windows 10/11 has it, Wine added it after 8.0. Never shipped. See docs/packaging.md. */
#include <windows.h>
#include <ntsecapi.h>
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, n)) return FALSE;
        data += n; len -= n;
    }
    return TRUE;
}
