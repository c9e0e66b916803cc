<#
.SYNOPSIS
  Installs the hall programs on a Windows PC so that they start at boot, run without anybody logged in, and restart
  when they stop: the queue server, a kiosk and/or a display board.

.DESCRIPTION
  A real Windows service needs the program to answer the Service Control Manager, which .NET does through the
  Microsoft.Extensions.Hosting.WindowsServices package; that package is not available to this project's builds yet,
  so a program registered with sc.exe / New-Service would be stopped by Windows after 30 seconds (error 1053).
  Until it is, each program runs as a scheduled task at start-up under the built-in LOCAL SERVICE account, with
  unlimited restarts a minute apart. The commands below are the same ones you would type by hand.

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
$account = 'NT AUTHORITY\LOCAL SERVICE'
$taskFolder = '\Hall\'

function Install-HallTask([string] $name, [string] $program, [string[]] $arguments, [string] $dataDirectory) {
    $exe = Join-Path $InstallRoot "$program\$program.exe"
    if (-not (Test-Path $exe)) {
        throw "$exe not found: publish $program to $(Join-Path $InstallRoot $program) first."
    }
    New-Item -ItemType Directory -Force -Path $dataDirectory | Out-Null
    # LOCAL SERVICE may write the data folder and nothing else of ours.
    & icacls.exe $dataDirectory /grant "${account}:(OI)(CI)M" /T /Q | Out-Null

    # --contentRoot: a task starts in System32; the program must find its appsettings.json and web pages beside it.
    $allArguments = @("--contentRoot", "`"$(Split-Path $exe)`"") + $arguments
    # A task has no console: cmd.exe appends the program's log lines (JSON with --Logging:Console:FormatterName=json)
    # to a file in the data folder, and passes the program's exit code on, so a crash counts as a failure to restart.
    $log = Join-Path $dataDirectory "$program.log"
    $command = "/c `"`"$exe`" $($allArguments -join ' ') >> `"$log`" 2>&1`""
    $action = New-ScheduledTaskAction -Execute 'cmd.exe' -Argument $command -WorkingDirectory (Split-Path $exe)
    $trigger = New-ScheduledTaskTrigger -AtStartup
    $principal = New-ScheduledTaskPrincipal -UserId $account -LogonType ServiceAccount -RunLevel Limited
    # No time limit; restart a minute after any failure, without end; never a second copy.
    $settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit ([TimeSpan]::Zero) -RestartCount 9999 `
        -RestartInterval (New-TimeSpan -Minutes 1) -StartWhenAvailable -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries `
        -MultipleInstances IgnoreNew
    Register-ScheduledTask -TaskPath $taskFolder -TaskName $name -Action $action -Trigger $trigger -Principal $principal `
        -Settings $settings -Description "Government service hall: $program" -Force | Out-Null
    Start-ScheduledTask -TaskPath $taskFolder -TaskName $name
    Write-Host "Installed and started $name ($exe $($allArguments -join ' '))"
}

if ($Uninstall) {
    foreach ($name in 'HallQueue', 'HallKiosk', 'HallBoard') {
        if (Get-ScheduledTask -TaskPath $taskFolder -TaskName $name -ErrorAction SilentlyContinue) {
            Stop-ScheduledTask -TaskPath $taskFolder -TaskName $name
            Unregister-ScheduledTask -TaskPath $taskFolder -TaskName $name -Confirm:$false
            Write-Host "Removed $name"
        }
    }
    return
}

if (-not ($Queue -or $Kiosk -or $Board)) {
    throw 'Say what to install: -Queue, -Kiosk and/or -Board (or -Uninstall).'
}
if ($Queue) {
    $data = Join-Path $DataRoot 'queue'
    Install-HallTask 'HallQueue' 'QueueService' (@('--urls', 'http://0.0.0.0:5000', "--Queue:DataDirectory=`"$data`"",
        '--Logging:Console:FormatterName=json') + $QueueArguments) $data
    # The kiosks and boards of the hall reach the server on port 5000.
    if (-not (Get-NetFirewallRule -DisplayName 'Hall queue server' -ErrorAction SilentlyContinue)) {
        New-NetFirewallRule -DisplayName 'Hall queue server' -Direction Inbound -Protocol TCP -LocalPort 5000 -Action Allow -Profile Domain,Private | Out-Null
    }
}
if ($Kiosk) {
    $data = Join-Path $DataRoot 'kiosk'
    Install-HallTask 'HallKiosk' 'KioskApp' (@('--urls', 'http://127.0.0.1:5100', "--Kiosk:ServerUrl=$ServerUrl") + $KioskArguments) $data
}
if ($Board) {
    $data = Join-Path $DataRoot 'board'
    Install-HallTask 'HallBoard' 'DisplayBoard' (@('--urls', 'http://127.0.0.1:5200', "--Board:ServerUrl=$ServerUrl") + $BoardArguments) $data
}
Write-Host 'Check: Invoke-WebRequest http://127.0.0.1:5000/health (queue), :5100/health (kiosk), :5200/health (board)'
