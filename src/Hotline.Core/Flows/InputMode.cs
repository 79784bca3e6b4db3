namespace Hotline.Core.Flows;

public enum InputMode { Dtmf, Speech, DtmfAndSpeech }
