#!/usr/bin/env python3
"""Test oracle: word start times from espeak-ng's own event API, in a separate process.

Usage: espeak-word-events.py VOICE WPM TEXTFILE WAVOUT
Prints JSON {"sampleRate", "words": [{"char": <0-based code point offset>, "length", "ms"}]}.
Only the tests run it, to measure how far the CLI-based alignment in espeak-voice.ts is from
espeak-ng's internal word events. libespeak-ng is GPL-3.0: it is loaded here, in this child
process, never in promptreel's own process.
"""
import ctypes, json, sys, wave

voice, wpm, textfile, wavout = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
lib = ctypes.CDLL('libespeak-ng.so.1')

class Event(ctypes.Structure):
    _fields_ = [('type', ctypes.c_int), ('unique_identifier', ctypes.c_uint), ('text_position', ctypes.c_int),
                ('length', ctypes.c_int), ('audio_position', ctypes.c_int), ('sample', ctypes.c_int),
                ('user_data', ctypes.c_void_p), ('id', ctypes.c_char * 8)]

CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(Event))
samples = []
words = []

def on_synth(wav, n, events):
    if wav and n > 0:
        samples.extend(wav[:n])
    i = 0
    while events[i].type != 0:
        e = events[i]
        if e.type == 1:  # espeakEVENT_WORD
            words.append({'char': e.text_position - 1, 'length': e.length, 'ms': e.audio_position})
        i += 1
    return 0

cb = CALLBACK(on_synth)
rate = lib.espeak_Initialize(1, 0, None, 0)  # AUDIO_OUTPUT_RETRIEVAL
lib.espeak_SetSynthCallback(cb)
lib.espeak_SetVoiceByName(voice.encode())
lib.espeak_SetParameter(1, wpm, 0)  # espeakRATE
text = open(textfile, 'rb').read() + b'\0'
lib.espeak_Synth(text, len(text), 0, 1, 0, 1, None, None)  # POS_CHARACTER, espeakCHARS_UTF8
lib.espeak_Synchronize()
with wave.open(wavout, 'wb') as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(rate)
    w.writeframes((ctypes.c_short * len(samples))(*samples))
print(json.dumps({'sampleRate': rate, 'durationMs': len(samples) * 1000 / rate, 'words': words}))
