; Inno Setup script (6.3 or later): the Windows installer of Wolkvox Desktop.
;
; Built by `python build_specs/build.py` after PyInstaller, which passes the /D values
; below; run by hand (from this folder, after the app folder exists) it uses the defaults.
;
; - Inno Setup 6.3 or later: x64compatible (6.3) and UTF-8 text files without a byte order
;   mark (the notices page); checked below with ISPP's Ver/EncodeVer
;   (https://jrsoftware.org/ishelp/topic_error.htm).
; - Per-user install, no administrator rights: %LOCALAPPDATA%\Programs\Wolkvox Desktop.
; - Start-menu shortcut; desktop shortcut if the user ticks it; an uninstaller (Settings >
;   Apps, and the Start menu).
; - Upgrade in place: the same AppId finds the previous install and the old program files
;   are replaced. A running copy: the app holds the named mutex AppMutex names
;   (gui/windows_shell.py), so Setup and the uninstaller say it is running and ask to close
;   it first (a silent install with /SUPPRESSMSGBOXES takes Cancel, Inno Setup's default
;   answer in that situation, and stops with a non-zero exit code, changing nothing: the
;   app may be running a plan; run it again once the app is closed).
;   A running copy of an older version, which holds no mutex, is closed through the
;   Restart Manager (CloseApplications=yes) and not started again afterwards
;   (RestartApplications=no). Settings, history and logs live in
;   %LOCALAPPDATA%\wolkvox-desktop (the app moves them there once from %APPDATA%) and the
;   token in Windows Credential Manager: neither is touched by installing, upgrading or
;   uninstalling (CI checks this: build_specs/windows/installed_check.py).
; - Signing: when build.py is given a signing configuration it passes
;   /DSignTool=wolkvox and the Sign Tool's command (/Swolkvox=...), so Inno Setup signs
;   the installer, its temporary self-copies and the uninstaller itself.
; - Uninstalling removes the user's "Run plans when the app is closed" task (the Plans
;   window's switch, `wolkvox plan schedule on`): [UninstallRun] below, by the name
;   wolkvox_desktop/core/os_schedule/windows.py gives it (tests/unit/test_os_schedule_texts.py
;   checks that the two agree). A task of another account of this computer stays.
; - Silent install for IT: setup.exe /VERYSILENT /CURRENTUSER (or /ALLUSERS, which asks
;   for administrator rights and installs under Program Files).
; - The third-party notices (THIRD-PARTY-NOTICES.txt, written by the build) are shown
;   before the destination is chosen (InfoBeforeFile) and installed beside the app.

#if Ver < EncodeVer(6,3,0)
  #error Inno Setup 6.3 or later is required to compile this script (x64compatible, UTF-8 notices)
#endif

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
; Windows version resources take numbers only: 1.2.0rc1 -> 1.2.0.0 (project.numeric_version)
#ifndef AppVersionNumeric
  #define AppVersionNumeric "0.0.0.0"
#endif
#ifndef AppPublisher
  #define AppPublisher "Wolkvox Desktop"
#endif
; = gui/windows_shell.py APP_MUTEX = build_specs/project.py APP_MUTEX
#ifndef AppMutex
  #define AppMutex "WolkvoxDesktop-6C3E2E0B-7D0A-4C55-9B9F-1F1D2B7A4C21"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\wolkvox-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef OutputBaseFilename
  #define OutputBaseFilename "wolkvox-desktop-" + AppVersion + "-windows-x64-setup"
#endif
#ifndef AppIcon
  #define AppIcon "..\..\resources\icons\wolkvox-desktop.ico"
#endif
#ifndef NoticesFile
  #define NoticesFile SourceDir + "\THIRD-PARTY-NOTICES.txt"
#endif

#define AppName "Wolkvox Desktop"
#define AppExe "wolkvox-desktop.exe"

[Setup]
; Never change AppId: it is how an upgrade finds the installed version.
AppId={{6C3E2E0B-7D0A-4C55-9B9F-1F1D2B7A4C21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoCompany={#AppPublisher}
VersionInfoProductName={#AppName}
; Per user, no UAC prompt: {autopf} is %LOCALAPPDATA%\Programs with these privileges.
PrivilegesRequired=lowest
; ...unless /ALLUSERS is given on the command line (/CURRENTUSER keeps the default).
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; A running copy: this version's app holds AppMutex, so Setup and Uninstall ask to close
; it (see the header). An older copy without the mutex is closed by the Restart Manager
; before its files are replaced, and is NOT reopened afterwards (RestartApplications=no):
; the supervisor starts the new version when ready.
AppMutex={#AppMutex}
CloseApplications=yes
RestartApplications=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 1809 (build 17763) or newer.
MinVersion=10.0.17763
SetupIconFile={#AppIcon}
InfoBeforeFile={#NoticesFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir={#OutputDir}
OutputBaseFilename={#OutputBaseFilename}
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole runtime: no library of the previous version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Start and stop Wolkvox dialer campaigns"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; The first step of uninstalling, before the program's files go: the task would otherwise
; start a missing program every 5 minutes. {username} is GetUserName's, as the app's name
; for the task; schtasks says "cannot find" when the switch was never on (nothing to do).
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /TN ""Wolkvox Desktop plans ({username})"" /F"; Flags: runhidden; RunOnceId: "RemovePlansTask"
