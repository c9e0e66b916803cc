<#
.SYNOPSIS
  Installs the hall programs on a Windows PC so that they start at boot, run without anybody logged in, and restart
  when they stop: the queue server, a kiosk and/or a display board.

.DESCRIPTION
  Each program is a real Windows service (it answers the Service Control Manager through
  Microsoft.Extensions.Hosting.WindowsServices), created with New-Service (what "sc.exe create" does) under the
  built-in LOCAL SERVICE account, started automatically at boot (delayed) and restarted a minute after any failure
  without end ("sc.exe failure"). Each command is printed before it runs.

  Publish first, e.g. on the build PC:
      dotnet publish QueueService -c Release -r win-x64 --self-contained -o C:\Hall\queue
      dotnet publish KioskApp     -c Release -r win-x64 --self-contained -o C:\Hall\kiosk
      dotnet publish DisplayBoard -c Release -r win-x64 --self-contained -o C:\Hall\board

.EXAMPLE
  # The hall server, data in C:\HallData\queue:
  .\install-services.ps1 -Queue
.EXAMPLE
  # A kiosk with a serial printer, talking to the hall server at 192.168.1.10:
  .\install-services.ps1 -Kiosk -ServerUrl http://192.168.1.10:5000 -KioskArguments '--Printer:Transport=serial','--Printer:Target=COM3'
.EXAMPLE
  .\install-services.ps1 -Uninstall
#>
[CmdletBinding()]
param(
    [switch] $Queue,
    [switch] $Kiosk,
    [switch] $Board,
    [switch] $Uninstall,
    [string] $InstallRoot = 'C:\Hall',
    [string] $DataRoot = 'C:\HallData',
    [string] $ServerUrl = 'http://127.0.0.1:5000',
    [string[]] $QueueArguments = @(),
    [string[]] $KioskArguments = @(),
    [string[]] $BoardArguments = @()
)

$ErrorActionPreference = 'Stop'
$account = 'NT AUTHORITY\LocalService'

function Invoke-Sc([string[]] $arguments) {
    Write-Host "sc.exe $($arguments -join ' ')"
    & sc.exe @arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "sc.exe $($arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Remove-HallService([string] $name) {
    if (Get-Service -Name $name -ErrorAction SilentlyContinue) {
        Stop-Service -Name $name -Force -ErrorAction SilentlyContinue
        Invoke-Sc @('delete', $name)
        Write-Host "Removed $name"
    }
}

function Install-HallService([string] $name, [string] $program, [string[]] $arguments, [string] $dataDirectory) {
    $exe = Join-Path $InstallRoot "$program\$program.exe"
    if (-not (Test-Path $exe)) {
        throw "$exe not found: publish $program to $(Join-Path $InstallRoot $program) first."
    }
    New-Item -ItemType Directory -Force -Path $dataDirectory | Out-Null
    # LOCAL SERVICE may write the data folder and nothing else of ours.
    & icacls.exe $dataDirectory /grant "LOCAL SERVICE:(OI)(CI)M" /T /Q | Out-Null

    Remove-HallService $name # installing again replaces the service with the new arguments
    # --contentRoot: a service starts in System32; the program must find its appsettings.json and web pages beside it.
    # Logs go to the Windows Application event log (source = the service name) besides the console.
    $binPath = "`"$exe`" --contentRoot `"$(Split-Path $exe)`" $($arguments -join ' ')"
    # New-Service is "sc.exe create" without native-argument quoting trouble (the path holds quotes); LOCAL SERVICE
    # has no password. Then delayed automatic start, so the network is up first.
    Write-Host "New-Service $name -BinaryPathName $binPath"
    New-Service -Name $name -BinaryPathName $binPath -DisplayName "Hall $program" -StartupType Automatic `
        -Credential (New-Object System.Management.Automation.PSCredential($account, (New-Object System.Security.SecureString))) `
        -Description "Government service hall: $program" | Out-Null
    Invoke-Sc @('config', $name, 'start=', 'delayed-auto')
    # Restart a minute after every failure (a crash or a non-zero exit), without end; the failure count never resets.
    Invoke-Sc @('failure', $name, 'reset=', '0', 'actions=', 'restart/60000/restart/60000/restart/60000')
    Invoke-Sc @('failureflag', $name, '1')
    Invoke-Sc @('start', $name)
    Write-Host "Installed and started $name ($binPath)"
}

if ($Uninstall) {
    foreach ($name in 'HallQueue', 'HallKiosk', 'HallBoard') {
        Remove-HallService $name
    }
    return
}

if (-not ($Queue -or $Kiosk -or $Board)) {
    throw 'Say what to install: -Queue, -Kiosk and/or -Board (or -Uninstall).'
}
if ($Queue) {
    $data = Join-Path $DataRoot 'queue'
    Install-HallService 'HallQueue' 'QueueService' (@('--urls', 'http://0.0.0.0:5000', "--Queue:DataDirectory=`"$data`"") + $QueueArguments) $data
    # The kiosks and boards of the hall reach the server on port 5000.
    if (-not (Get-NetFirewallRule -DisplayName 'Hall queue server' -ErrorAction SilentlyContinue)) {
        New-NetFirewallRule -DisplayName 'Hall queue server' -Direction Inbound -Protocol TCP -LocalPort 5000 -Action Allow -Profile Domain,Private | Out-Null
    }
}
if ($Kiosk) {
    $data = Join-Path $DataRoot 'kiosk'
    Install-HallService 'HallKiosk' 'KioskApp' (@('--urls', 'http://127.0.0.1:5100', "--Kiosk:ServerUrl=$ServerUrl") + $KioskArguments) $data
}
if ($Board) {
    $data = Join-Path $DataRoot 'board'
    Install-HallService 'HallBoard' 'DisplayBoard' (@('--urls', 'http://127.0.0.1:5200', "--Board:ServerUrl=$ServerUrl") + $BoardArguments) $data
}
Write-Host 'Check: Invoke-WebRequest http://127.0.0.1:5000/health (queue), :5100/health (kiosk), :5200/health (board)'
