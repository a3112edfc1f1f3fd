/// `hasWordCharacterProperties`, `hasEmojiStartProperties` and `properties.isAlphabetic` of the scalars of the
/// blocks where review text needs them most, one bit each: a Unicode property lookup costs 300 to 500 instructions.
///
/// The bits are written out rather than computed on first use: computing them took 3.4 M instructions (a lookup or
/// two for each of 6,800 scalars) in the first texts that needed them. `TokenScannerTests` checks every bit against
/// the properties of the Swift runtime in use, and prints the tables afresh when they differ (a new Unicode version).
enum ScalarPropertyBits {
    /// Arabic to Myanmar, Ethiopic to Khmer and Mongolian, Latin and Greek extensions, and the punctuation, symbols,
    /// arrows and dingbats of U+2000 to U+2BFF.
    static let wordCharacterStart: UInt32 = 0x0600
    static let wordCharacterEnd: UInt32 = 0x2C00
    static let wordCharacterBits: [UInt64] = [
        0xFFFF_FFFF_07FF_0000, 0xFFFF_C3FF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0x9FFF_FDFF_9FEF_FFFF,
        0xFFFF_FFFF_FFFF_0000, 0xFFFF_FFFF_FFFF_E7FF, 0x0003_FFFF_FFFF_FFFF, 0x243F_FFFF_FFFF_FFFF,
        0x0000_3FFF_FFFF_FFFF, 0xFFFF_07FF_0FFF_FFFF, 0xFFFF_FFFF_FF80_FEFF, 0xFFFF_FFFB_FFFF_FFFF,
        0xFFFF_FFFF_FFFF_FFFF, 0xFFFE_FFCF_FFFF_FFFF, 0xF3C5_FDFF_FFF9_9FEF, 0x5003_FFCF_B080_799F,
        0xD36D_FDFF_FFF9_87EE, 0x003F_FFC0_5E02_3987, 0xF3ED_FDFF_FFFB_BFEE, 0xFE00_FFCF_0001_3BBF,
        0xF3ED_FDFF_FFF9_9FEE, 0x0002_FFCF_B0E0_399F, 0xC3FF_C718_D63D_C7EC, 0x0000_FFC0_0081_3DC7,
        0xF3FF_FDFF_FFFD_DFFF, 0x0000_FFCF_3760_3DDF, 0xF3EF_FDFF_FFFD_DFEF, 0x000E_FFCF_7060_3DDF,
        0xFFFF_FFFF_FFFD_DFFF, 0xFC00_FFCF_80F0_7DDF, 0x2FFB_FFFF_FC7F_FFEE, 0x000C_FFC0_FF5F_847F,
        0x07FF_FFFF_FFFF_FFFE, 0x0000_0000_03FF_7FFF, 0x3FFF_FFAF_FFFF_F7D6, 0x0000_0000_F3FF_7F5F,
        0xC2A0_03FF_0300_0001, 0xFFFE_1FFF_FFFF_FEFF, 0x1FFF_FFFF_FEFF_FFDF, 0x0000_0000_0000_0040,
        0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_03FF, 0xFFFF_FFFF_3FFF_FFFF, 0xF7FF_FFFF_FFFF_20BF,
        0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF,
        0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_3D7F_3DFF, 0x7F3D_FFFF_FFFF_3DFF, 0xFFFF_FFFF_FF7F_FF3D,
        0xFFFF_FFFF_FF3D_FFFF, 0x0000_0000_E7FF_FFFF, 0xFFFF_FFFF_0000_FFFF, 0x3F3F_FFFF_FFFF_FFFF,
        0xFFFF_FFFF_FFFF_FFFE, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF,
        0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF,
        0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_9FFF_FFFF_FFFF, 0xFFFF_FFFF_07FF_FFFE, 0x01FF_C7FF_FFFF_FFFF,
        0x001F_FFFF_803F_FFFF, 0x000D_DFFF_000F_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0x0000_03FF_308F_FFFF,
        0xFFFF_FFFF_03FF_B800, 0x01FF_FFFF_FFFF_FFFF, 0xFFFF_07FF_FFFF_FFFF, 0x003F_FFFF_FFFF_FFFF,
        0x0FFF_0FFF_7FFF_FFFF, 0x001F_3FFF_FFFF_FFC0, 0xFFFF_0FFF_FFFF_FFFF, 0x0000_0000_03FF_03FF,
        0xFFFF_FFFF_0FFF_FFFF, 0x9FFF_FFFF_7FFF_FFFF, 0xFFFF_0080_03FF_03FF, 0x0000_0FFF_3FFF_FFFF,
        0xFFFF_FFFF_FFFF_FFFF, 0x000F_F800_03FF_1FFF, 0xFFFF_FFFF_FFFF_FFFF, 0x000F_FFFF_FFFF_FFFF,
        0x00FF_FFFF_FFFF_FFFF, 0x3FFF_FFFF_FFFF_E3FF, 0xE7FF_FFFF_FFFF_07FF, 0x07FF_FFFF_FFF7_0000,
        0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF,
        0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF,
        0xFFFF_FFFF_3F3F_FFFF, 0x3FFF_FFFF_AAFF_3F3F, 0x5FDF_FFFF_FFFF_FFFF, 0x1FDC_1FFF_0FCF_1FDC,
        0x0000_0000_0000_0000, 0x8002_0000_0000_0000, 0x0000_0000_1FFF_0000, 0x0001_FFFF_FFFF_0000,
        0xF3FF_BD50_3E2F_FC84, 0xFFFF_FFFF_0000_43E0, 0x0000_0000_0000_01FF, 0x0000_0000_0000_0000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0xFFC0_0000_0000_0000, 0x0000_03FF_FFFF_FFFF,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
    ]

    /// Greek, Cyrillic, Armenian, Hebrew and Arabic: the alphabetic scalars `LanguageIdentifier.languageOfScript`
    /// counts most.
    static let alphabeticStart: UInt32 = 0x0370
    static let alphabeticEnd: UInt32 = 0x0800
    static let alphabeticBits: [UInt64] = [
        0xFFFB_FFFF_D740_BCDF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFBF, 0xFFFF_FFFF_FFFF_FFFF,
        0xFFFF_FFFF_FC03_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_027F_FFFF_FFFE,
        0x0000_0000_01FF_FFFF, 0x87FF_FFFF_00B6_BFFF, 0xFFFF_07FF_0000_0007, 0xC000_FEFF_FFFF_FFFF,
        0xFFFF_FFFF_FFFF_FFFF, 0xE1FE_1FEF_FFFF_FFFF, 0xFFFF_FFFF_0000_9C00, 0xFFFF_FFFF_E000_FFFF,
        0xFFFF_FFFF_FFFF_FFFF, 0x07FF_FFFF_FC00_0003, 0x0000_0000_0000_0430,
    ]

    /// The symbols, arrows, technical signs and dingbats reviews use as emoji (U+2764 heavy black heart, U+2B50 star).
    static let symbolEmojiStart: UInt32 = 0x2000
    static let symbolEmojiEnd: UInt32 = 0x2C00
    static let symbolEmojiStartBits: [UInt64] = [
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0600_03F0_0000, 0x0000_0000_0000_0000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0x0000_0100_0C00_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x070F_FE00_0000_8000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0004,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0040_0C00_0000_0000, 0x7800_0000_0000_0001,
        0x0700_C44D_2132_401F, 0xC800_0169_800F_FF05, 0x6003_0C83_1AFC_0000, 0x27BF_0600_001A_C130,
        0x0018_0102_2054_BF24, 0x0000_0018_00B8_5090, 0x8001_0002_00E0_0000, 0x0000_0000_0000_0000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0x0030_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0x0000_0000_1800_00E0, 0x0000_0000_0021_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
    ]

    /// The pictographs, emoticons and transport and map symbols of U+1F000 to U+1FAFF.
    static let pictographEmojiStart: UInt32 = 0x1F000
    static let pictographEmojiEnd: UInt32 = 0x1FB00
    static let pictographEmojiStartBits: [UInt64] = [
        0x0000_0000_0000_0010, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_8000,
        0x0000_0000_0000_0000, 0xC003_0000_0000_0000, 0x0000_0000_07FE_4000, 0xFFFF_FFC0_0000_0000,
        0x07FC_8000_0400_0006, 0x0000_0000_0003_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0xFFFF_FFF3_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_CECF_FFFF, 0xFFB9_FFFF_FFFF_FFFF,
        0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xBFFF_FFFF_FFFF_FFFF,
        0x3FFF_FFFF_FFFF_FFFF, 0x07F9_80FF_FFFF_7E00, 0x1006_0130_0061_3C80, 0xFC08_810A_700E_001C,
        0xFFFF_FFFF_FFFF_FFFF, 0x0000_0000_0000_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0x1FF9_1A3F_F1E7_F83F,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0001_0FFF_0000_0000,
        0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
        0xF7FF_FFFF_FFFF_F000, 0xFFFF_FFFF_FFFF_FFBF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF,
        0x0000_0000_0000_0000, 0x1FFF_0000_0000_0000, 0xFFFF_FFFF_FFFF_C7FF, 0x01FF_87FF_9FFF_E17F,
    ]

    /// `scalar.properties.isAlphabetic`, from `alphabeticBits` where they hold it.
    @inline(__always)
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= alphabeticStart && value < alphabeticEnd { return test(alphabeticBits, value - alphabeticStart) }
        return scalar.isAlphabeticScalar
    }

    @inline(__always)
    static func isWordCharacter(_ value: UInt32) -> Bool { test(wordCharacterBits, value - wordCharacterStart) }

    @inline(__always)
    static func isSymbolEmojiStart(_ value: UInt32) -> Bool { test(symbolEmojiStartBits, value - symbolEmojiStart) }

    @inline(__always)
    static func isPictographEmojiStart(_ value: UInt32) -> Bool {
        test(pictographEmojiStartBits, value - pictographEmojiStart)
    }

    @inline(__always)
    private static func test(_ bits: [UInt64], _ offset: UInt32) -> Bool {
        bits.withUnsafeBufferPointer { $0[Int(offset >> 6)] >> UInt64(offset & 63) & 1 != 0 }
    }

    /// The bits of `property` over `range`, as the tables above hold them (for the tests that check them).
    static func bits(_ range: Range<UInt32>, _ property: (Unicode.Scalar) -> Bool) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: (range.count + 63) / 64)
        for value in range {
            // Surrogates are no scalars; none lies in these ranges, but a missing scalar keeps its bit clear.
            guard let scalar = Unicode.Scalar(value), property(scalar) else { continue }
            let offset = value - range.lowerBound
            words[Int(offset >> 6)] |= 1 << UInt64(offset & 63)
        }
        return words
    }
}
